//! Placeholder; see the issue for this output.
