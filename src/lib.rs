//! baocao: the plan → read → check → aggregate → render pipeline that turns the
//! units' results spreadsheets into one official report, and the commands over it.

pub mod api;
pub mod check;
#[cfg(feature = "cli")]
pub mod cli;
pub mod datafile;
pub mod finding;
pub mod form;
pub mod fsutil;
pub mod json;
mod memo;
pub mod messages;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
mod par;
pub mod plan;
pub mod read;
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;
pub mod text;
pub mod value;
pub mod view;
pub mod vocabulary;
