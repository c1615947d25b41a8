//! The map's gestures: the keyboard (arrows, + −, 0), the wheel, drag and pinch; client pixels
//! to map units, written once ([`Inner::at_client`]).

use article_format::geo::Xy;
use article_format::handoff::Pick;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::Inner;

impl Inner {
    /// Map units per client pixel at the current view, and the picture's box.
    pub(super) fn units_per_px(&self) -> Option<(f64, web_sys::DomRect)> {
        let rect = self.svg.get_bounding_client_rect();
        (rect.width() > 0.0).then(|| (self.size.0 / self.view.get().scale / rect.width(), rect))
    }
    /// The map point under a client position.
    pub(super) fn at_client(&self, x: f64, y: f64) -> Option<Xy> {
        let (k, rect) = self.units_per_px()?;
        let view = self.view.get();
        Some(Xy { x: view.x + (x - rect.left()) * k, y: view.y + (y - rect.top()) * k })
    }
    pub(super) fn centre(&self) -> Xy {
        let v = self.view.get();
        Xy { x: v.x + self.size.0 / v.scale / 2.0, y: v.y + self.size.1 / v.scale / 2.0 }
    }
    pub(super) fn key(&self, e: web_sys::Event) {
        let (Some(k), Some(target)) =
            (e.dyn_ref::<web_sys::KeyboardEvent>(), e.target().and_then(|t| t.dyn_into::<Element>().ok()))
        else {
            return;
        };
        let key = k.key();
        if matches!(key.as_str(), "Enter" | " ") {
            if let Some(entity) = self.feature_entity(&target) {
                e.prevent_default();
                (self.on_pick)(Pick::Entity(entity));
            }
            return;
        }
        if target.closest(".ae-map-frame").ok().flatten().is_none() {
            return;
        }
        let view = self.view.get();
        let step = 60.0 / view.scale;
        let (size, centre) = (self.size, self.centre());
        let next = match key.as_str() {
            "ArrowLeft" => view.pan(-step, 0.0, size),
            "ArrowRight" => view.pan(step, 0.0, size),
            "ArrowUp" => view.pan(0.0, -step, size),
            "ArrowDown" => view.pan(0.0, step, size),
            "+" | "=" => view.zoom_at(1.5, centre, size),
            "-" | "_" => view.zoom_at(1.0 / 1.5, centre, size),
            "0" => self.home.get(),
            _ => return,
        };
        e.prevent_default();
        self.set_view(next);
    }
    pub(super) fn wheel(&self, e: web_sys::Event) {
        let Some(w) = e.dyn_ref::<web_sys::WheelEvent>() else { return };
        e.prevent_default();
        let (x, y) = client(w);
        let Some(at) = self.at_client(x, y) else { return };
        let factor = (-w.delta_y() * 0.0015).exp().clamp(0.5, 2.0);
        self.set_view(self.view.get().zoom_at(factor, at, self.size));
    }
    pub(super) fn pointer_down(&self, e: web_sys::Event) {
        let Some(p) = e.dyn_ref::<web_sys::PointerEvent>() else { return };
        let mut ps = self.pointers.borrow_mut();
        ps.retain(|(id, _)| *id != p.pointer_id());
        ps.push((p.pointer_id(), client(p)));
        self.dragged.set(false);
    }
    pub(super) fn pointer_move(&self, e: web_sys::Event) {
        let Some(p) = e.dyn_ref::<web_sys::PointerEvent>() else { return };
        let mut ps = self.pointers.borrow_mut();
        let Some(&(_, previous)) = ps.iter().find(|(id, _)| *id == p.pointer_id()) else { return };
        let now = client(p);
        if now == previous {
            return;
        }
        if (now.0 - previous.0).abs() + (now.1 - previous.1).abs() > 2.0 {
            self.dragged.set(true);
        }
        // Captured once it drags (not on press: a click on a feature still reaches the feature).
        let _ = self.svg.set_pointer_capture(p.pointer_id());
        let view = self.view.get();
        let Some((k, _)) = self.units_per_px() else { return };
        if ps.len() == 1 {
            self.set_view(view.pan(-(now.0 - previous.0) * k, -(now.1 - previous.1) * k, self.size));
        } else if ps.len() == 2 {
            let other = *ps.iter().find(|(id, _)| *id != p.pointer_id()).map(|(_, q)| q).unwrap_or(&now);
            let d0 = (previous.0 - other.0).hypot(previous.1 - other.1);
            let d1 = (now.0 - other.0).hypot(now.1 - other.1);
            if d0 > 0.0 {
                if let Some(at) = self.at_client((now.0 + other.0) / 2.0, (now.1 + other.1) / 2.0) {
                    self.set_view(view.zoom_at(d1 / d0, at, self.size));
                }
            }
        }
        ps.retain(|(id, _)| *id != p.pointer_id());
        ps.push((p.pointer_id(), now));
    }
    pub(super) fn pointer_up(&self, e: web_sys::Event) {
        if let Some(p) = e.dyn_ref::<web_sys::PointerEvent>() {
            self.pointers.borrow_mut().retain(|(id, _)| *id != p.pointer_id());
        }
    }
}

/// Where a mouse, wheel or pointer event is, in CSS pixels of the window. web-sys types the
/// coordinates as whole numbers, or (with its unstable APIs, which the studio turns on for the
/// whole workspace) as the fractions the standard now gives.
pub(super) fn client(e: &web_sys::MouseEvent) -> (f64, f64) {
    #[cfg(web_sys_unstable_apis)]
    return (e.client_x(), e.client_y());
    #[cfg(not(web_sys_unstable_apis))]
    return (f64::from(e.client_x()), f64::from(e.client_y()));
}
