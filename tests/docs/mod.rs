//! Helpers of `tests/docs_site.rs`, one module per concern.

pub mod api;
pub mod browser;
pub mod content;
pub mod escaping;
pub mod examples;
pub mod head;
pub mod hostile;
pub mod html;
pub mod site;
