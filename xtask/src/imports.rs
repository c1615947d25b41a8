//! Short import names for the WebAssembly modules of a build. wasm-bindgen names every function a
//! module imports from its JavaScript glue `__wbg_<name>_<16 hex digits>`: the hashes do not
//! compress, and each name is written twice, in the module's import section and in the glue's
//! imports object. Renamed in both to short names (`w0`, `w1`...), the reader's group is about
//! 4 KB (brotli) smaller; the code is unchanged. Run by `cargo xtask finish`, before the pages'
//! `integrity` hashes are recomputed; a module already renamed is left as it is.

use std::collections::BTreeMap;
use std::path::Path;

/// The modules of a build: `NAME_bg.wasm` and its glue `NAME.js`.
const MODULES: [&str; 4] = ["article-explorer", "figures", "publisher", "studio"];

/// Renames the imports of every module of `dist` that has both files.
pub fn run(dist: &Path) -> Result<(), String> {
    for name in MODULES {
        let (wasm_path, js_path) = (dist.join(format!("{name}_bg.wasm")), dist.join(format!("{name}.js")));
        let (Ok(wasm), Ok(js)) = (std::fs::read(&wasm_path), std::fs::read_to_string(&js_path)) else {
            continue;
        };
        let (wasm, js) = shorten(&wasm, &js).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(&wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
        std::fs::write(&js_path, js).map_err(|e| format!("{}: {e}", js_path.display()))?;
    }
    Ok(())
}

/// The module and its glue with every wasm-bindgen import name (`__wbg…`) replaced by a short one.
/// Fails, changing nothing, if the glue does not name an import exactly once or more, or the
/// module cannot be read.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("not a WebAssembly module".into());
    }
    let mut out = wasm[..8].to_vec();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, start) = leb(wasm, at + 1)?;
        let end =
            start.checked_add(size as usize).filter(|&e| e <= wasm.len()).ok_or("a section ends past the module")?;
        if id == 2 {
            let body = imports(&wasm[start..end], &mut names)?;
            out.push(2);
            put_leb(&mut out, body.len() as u32);
            out.extend(body);
        } else {
            out.extend_from_slice(&wasm[at..end]);
        }
        at = end;
    }
    let mut js = js.to_owned();
    for (old, new) in &names {
        let renamed = replace_token(&js, old, new);
        if renamed == js {
            return Err(format!("the glue does not name the import {old}"));
        }
        js = renamed;
    }
    Ok((out, js))
}

/// The import section's body with its wasm-bindgen names shortened (recorded in `names`).
fn imports(section: &[u8], names: &mut BTreeMap<String, String>) -> Result<Vec<u8>, String> {
    let (count, mut at) = leb(section, 0)?;
    let mut body = Vec::with_capacity(section.len());
    put_leb(&mut body, count);
    for _ in 0..count {
        let (module, next) = name(section, at)?;
        let (field, next) = name(section, next)?;
        let desc_end = import_desc_end(section, next)?;
        let field = std::str::from_utf8(field).map_err(|_| "an import name is not UTF-8")?;
        let new = if field.starts_with("__wbg") {
            let n = names.len();
            names.entry(field.to_owned()).or_insert_with(|| format!("w{n:x}")).clone()
        } else {
            field.to_owned()
        };
        put_leb(&mut body, module.len() as u32);
        body.extend_from_slice(module);
        put_leb(&mut body, new.len() as u32);
        body.extend_from_slice(new.as_bytes());
        body.extend_from_slice(&section[next..desc_end]);
        at = desc_end;
    }
    if at != section.len() {
        return Err("the import section has bytes after its imports".into());
    }
    Ok(body)
}

/// A length-prefixed name at `at`, and where it ends.
fn name(b: &[u8], at: usize) -> Result<(&[u8], usize), String> {
    let (len, start) = leb(b, at)?;
    let end = start.checked_add(len as usize).filter(|&e| e <= b.len()).ok_or("a name ends past its section")?;
    Ok((&b[start..end], end))
}

/// Where the import description starting at `at` ends (function, table, memory, global, tag).
fn import_desc_end(b: &[u8], at: usize) -> Result<usize, String> {
    let byte = |i: usize| b.get(i).copied().ok_or_else(|| "an import ends past its section".to_owned());
    let limits = |i: usize| -> Result<usize, String> {
        let flags = byte(i)?;
        let (_, i) = leb(b, i + 1)?;
        Ok(if flags & 1 == 1 { leb(b, i)?.1 } else { i })
    };
    match byte(at)? {
        0 => Ok(leb(b, at + 1)?.1),
        1 => limits(at + 2),
        2 => limits(at + 1),
        3 => {
            byte(at + 2)?;
            Ok(at + 3)
        }
        4 => Ok(leb(b, at + 2)?.1),
        kind => Err(format!("an import of unknown kind {kind}")),
    }
}

/// An unsigned LEB128 number at `at`, and where it ends.
fn leb(b: &[u8], mut at: usize) -> Result<(u32, usize), String> {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = *b.get(at).ok_or("a number ends past the module")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return u32::try_from(value).map(|v| (v, at)).map_err(|_| "a number too large".to_owned());
        }
        shift += 7;
        if shift > 28 {
            return Err("a number too long".into());
        }
    }
}

fn put_leb(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// `text` with every whole-word occurrence of `old` (not part of a longer identifier) as `new`.
fn replace_token(text: &str, old: &str, new: &str) -> String {
    let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(old) {
        let (before, after) = (rest[..i].chars().next_back(), rest[i + old.len()..].chars().next());
        out.push_str(&rest[..i]);
        out.push_str(if ident(before) || ident(after) { old } else { new });
        rest = &rest[i + old.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two glue functions (one twice under one name), a memory and a global.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut imports = Vec::new();
        put_leb(&mut imports, names.len() as u32 + 2);
        for n in names {
            for part in ["./m_bg.js", n] {
                put_leb(&mut imports, part.len() as u32);
                imports.extend_from_slice(part.as_bytes());
            }
            imports.extend_from_slice(&[0, 0]);
        }
        imports.extend_from_slice(&[3, b'e', b'n', b'v', 3, b'm', b'e', b'm', 2, 1, 1, 0x80, 0x02]);
        imports.extend_from_slice(&[3, b'e', b'n', b'v', 1, b'g', 3, 0x7f, 0]);
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        wasm.push(2);
        put_leb(&mut wasm, imports.len() as u32);
        wasm.extend(imports);
        wasm.extend_from_slice(&[0, 3, 1, b'x', 7]);
        wasm
    }

    #[test]
    fn import_names_are_shortened_in_the_module_and_its_glue() {
        let wasm = module(&["__wbg_remove_8228e91d7ddbc755", "__wbg_Error_208446807d0d1e30"]);
        let js = "const e={__wbg_remove_8228e91d7ddbc755:function(e){e.remove()},__wbg_Error_208446807d0d1e30:function(){}};x.__wbg_remove_8228e91d7ddbc755_more=1;N.__wbg_ptr";
        let (short, glue) = shorten(&wasm, js).unwrap();
        assert_eq!(short, module(&["w0", "w1"]), "the names, and nothing else of the module");
        assert_eq!(
            glue,
            "const e={w0:function(e){e.remove()},w1:function(){}};x.__wbg_remove_8228e91d7ddbc755_more=1;N.__wbg_ptr"
        );
        // Once renamed, left as it is.
        assert_eq!(shorten(&short, &glue).unwrap(), (short.clone(), glue.clone()));
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_is_refused() {
        let wasm = module(&["__wbg_remove_8228e91d7ddbc755"]);
        let err = shorten(&wasm, "const e={__wbg_other_0000000000000000:1}").unwrap_err();
        assert!(err.contains("__wbg_remove_8228e91d7ddbc755"), "{err}");
        assert!(shorten(b"not wasm", "").is_err());
        let mut cut = module(&["__wbg_remove_8228e91d7ddbc755"]);
        cut.truncate(20);
        assert!(shorten(&cut, "__wbg_remove_8228e91d7ddbc755").is_err(), "a module cut short");
    }
}
