//! The widgets mounted through `mount()`. They are kept here, not by the
//! page's `MountHandle` (which holds only an id), so a widget lives until
//! `handle.destroy()` or until it leaves the document, whether or not the page
//! keeps the handle: wasm-bindgen frees a dropped handle at the next garbage
//! collection, and that must not take the widget with it.
//!
//! One `MutationObserver` on the document (child list, whole subtree) notices
//! widgets that left it. It checks `isConnected` when its callback runs, after
//! the task that changed the DOM, so a widget moved or detached and attached
//! again in the same task survives. It is disconnected while no widget is
//! mounted.

use std::any::Any;
use std::cell::RefCell;

use wa_signup::flow::browser::CellAccess;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, MutationObserver, MutationObserverInit};

/// One mounted widget.
struct Mounted {
    id: u32,
    /// The widget's root element (or the mount element if the root is not
    /// found): the widget is destroyed once this leaves the document.
    watched: Element,
    /// True once `watched` was seen in the document. A widget mounted into a
    /// detached element is kept until that element is attached, then removed.
    seen_connected: bool,
    /// What the widget owns: Leptos' unmount handle (dropping it removes the
    /// DOM and disposes the reactive owner, which ends a run and removes its
    /// listeners) and the page-wide claim on its app id.
    _owned: Box<dyn Any>,
}

/// The document's observer and its callback (kept for the page's lifetime:
/// it is disconnected, not dropped, when the last widget goes, because a
/// closure must not be dropped while it runs).
struct Observer {
    observer: MutationObserver,
    _callback: Closure<dyn FnMut()>,
    observing: bool,
}

struct Registry {
    next_id: u32,
    widgets: Vec<Mounted>,
    observer: Option<Observer>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry {
            next_id: 0,
            widgets: Vec::new(),
            observer: None,
        })
    };
}

/// Keeps a widget mounted into `element` (its root is `element`'s last child
/// element) alive with what it owns; returns its id.
///
/// `None` only if the registry is busy (never expected: it is not borrowed
/// across calls out of this module); the widget is then dropped, i.e. unmounted.
pub(crate) fn insert(element: &Element, owned: Box<dyn Any>) -> Option<u32> {
    let watched = element
        .last_element_child()
        .filter(|root| root.matches(".wa-signup").unwrap_or(false))
        .unwrap_or_else(|| element.clone());
    let seen_connected = watched.is_connected();
    REGISTRY.with(|cell| {
        cell.with_mut(|registry| {
            registry.next_id = registry.next_id.wrapping_add(1);
            let id = registry.next_id;
            registry.widgets.push(Mounted {
                id,
                watched,
                seen_connected,
                _owned: owned,
            });
            registry.observe();
            id
        })
        .ok()
    })
}

/// Destroys widget `id` if it is still mounted (a second call does nothing).
pub(crate) fn remove(id: u32) {
    let removed = REGISTRY.with(|cell| {
        cell.with_mut(|registry| {
            let at = registry.widgets.iter().position(|w| w.id == id)?;
            let widget = registry.widgets.swap_remove(at);
            registry.stop_if_empty();
            Some(widget)
        })
        .ok()
        .flatten()
    });
    // Dropped after the borrow ends: unmounting runs the flow's clean-up,
    // which may dispatch events to page listeners that mount or destroy.
    drop(removed);
}

/// True while widget `id` is mounted.
pub(crate) fn contains(id: u32) -> bool {
    REGISTRY.with(|cell| {
        cell.with(|registry| registry.widgets.iter().any(|w| w.id == id))
            .unwrap_or(false)
    })
}

/// The observer's callback: destroys the widgets that left the document.
fn sweep() {
    let removed = REGISTRY.with(|cell| {
        cell.with_mut(|registry| {
            let mut removed = Vec::new();
            let mut kept = Vec::with_capacity(registry.widgets.len());
            for mut widget in registry.widgets.drain(..) {
                if widget.watched.is_connected() {
                    widget.seen_connected = true;
                    kept.push(widget);
                } else if widget.seen_connected {
                    removed.push(widget);
                } else {
                    kept.push(widget);
                }
            }
            registry.widgets = kept;
            registry.stop_if_empty();
            removed
        })
        .unwrap_or_default()
    });
    drop(removed);
}

impl Registry {
    /// Starts observing the document (creating the observer on first use).
    fn observe(&mut self) {
        if self.observer.as_ref().is_some_and(|o| o.observing) {
            return;
        }
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if self.observer.is_none() {
            let callback = Closure::<dyn FnMut()>::new(sweep);
            let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
                return;
            };
            self.observer = Some(Observer {
                observer,
                _callback: callback,
                observing: false,
            });
        }
        if let Some(observer) = self.observer.as_mut() {
            let init = MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            observer.observing = observer
                .observer
                .observe_with_options(&document, &init)
                .is_ok();
        }
    }

    /// Disconnects the observer once no widget is left.
    fn stop_if_empty(&mut self) {
        if !self.widgets.is_empty() {
            return;
        }
        if let Some(observer) = self.observer.as_mut() {
            // Also drops the records already queued: nothing left to check.
            observer.observer.disconnect();
            observer.observing = false;
        }
    }
}
