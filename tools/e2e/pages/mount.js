// mount({ document }) with an authoring document, as a newsroom page may do: the widget loads the
// publisher module, publishes in the browser, then shows the article.
import { mount } from "../embed.js";

const text = await (await fetch("../seed/article.authoring.json")).text();
window.__handle = await mount(document.querySelector("#widget"), { document: text, lang: "en" });
