//! The Windows console, set up once at start: the UTF-8 code page (so Vietnamese
//! reaches a console, a pipe or a `.bat` the same way) and ANSI colours, kept only
//! where the console accepts them. Elsewhere this does nothing: a Unix terminal
//! already speaks UTF-8 and ANSI.

use std::sync::OnceLock;

/// Whether the console turned on ANSI escape sequences; set by [`init`].
static ANSI: OnceLock<bool> = OnceLock::new();

/// Sets the console up for the run. Called first thing by [`crate::cli::run`].
pub fn init() {
    #[cfg(windows)]
    {
        // Fails only without a console (a service, output piped from a GUI);
        // then there is no code page to set and nothing to do about it.
        let _ = utf8_console::enable();
        // Windows 10 and later interpret ANSI sequences once asked to
        // (ENABLE_VIRTUAL_TERMINAL_PROCESSING); older consoles refuse, and then
        // printing them would show `←[31m` litter, so colours stay off.
        let _ = ANSI.set(anstyle_query::windows::enable_ansi_colors().unwrap_or(false));
    }
    #[cfg(not(windows))]
    {
        let _ = ANSI.set(true);
    }
}

/// Whether this console shows ANSI colours (before [`init`]: as on Unix).
pub fn supports_ansi() -> bool {
    *ANSI.get().unwrap_or(&cfg!(not(windows)))
}
