//! The string functions `codegen`'s renderers spend most of their time in.
//! They depend on nothing, so this crate builds in a moment at the
//! opt-level the root `Cargo.toml` gives it, while the rest of `codegen`
//! stays unoptimised for a quick first build (issue 15, BENCHMARKS.md).

pub mod escape;

/// LF only, no trailing spaces, exactly one final newline.
pub fn normalize(mut text: String) -> String {
    // Most renderers print clean lines already (templates just drop the final
    // newline); checking for that is a fraction of a line-by-line copy.
    let body = text.trim_end_matches('\n').len();
    let clean_lines = !text.contains('\r')
        && !text.contains(" \n")
        && !text.contains("\t\n")
        && !text[..body].ends_with([' ', '\t']);
    if clean_lines {
        text.truncate(body);
        text.push('\n');
        return text;
    }
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.lines() {
        out.push_str(line.trim_end_matches([' ', '\t']));
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// Text on one line: each run of white space one space, none at either end.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Line (1-based) of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_keeps_clean_text_and_adds_the_final_newline() {
        assert_eq!(normalize("a\n\nb".to_owned()), "a\n\nb\n");
        assert_eq!(normalize("a\nb\n\n\n".to_owned()), "a\nb\n");
        assert_eq!(normalize(String::new()), "\n");
        assert_eq!(normalize("\n\n".to_owned()), "\n");
    }

    #[test]
    fn normalize_cleans_line_ends() {
        assert_eq!(normalize("a \nb\t\n".to_owned()), "a\nb\n");
        assert_eq!(normalize("a\r\nb".to_owned()), "a\nb\n");
        assert_eq!(normalize("a\n  \n\n".to_owned()), "a\n");
        assert_eq!(normalize("last \t".to_owned()), "last\n");
    }

    #[test]
    fn line_of_counts_from_one() {
        let text = "a\nbc\n\nd";
        assert_eq!([0, 1, 2, 4, 5, 6, 99].map(|offset| line_of(text, offset)), [1, 1, 2, 2, 3, 4, 4]);
    }

    #[test]
    fn one_line_collapses_every_kind_of_white_space() {
        assert_eq!(one_line("  a\n\tb  c\u{a0}d "), "a b c d");
        assert_eq!(one_line("plain text"), "plain text");
        assert_eq!(one_line(""), "");
    }
}
