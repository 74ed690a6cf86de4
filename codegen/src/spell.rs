//! Spellings: case conversions and the keywords of every target language.

/// `ContentReSendError` -> `CONTENT_RE_SEND_ERROR`: split before each capital
/// that follows a lower-case letter or a digit. Already-upper names pass through.
pub fn upper_snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 8);
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if c.is_ascii_uppercase() && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit()) {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
        prev = Some(c);
    }
    out
}

/// `rate_limit` -> `RateLimit`.
pub fn upper_camel(snake: &str) -> String {
    snake
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first.into_iter().chain(chars.map(|c| c.to_ascii_lowercase())).collect::<String>()
        })
        .collect()
}

/// `from_http_status` -> `fromHttpStatus`: JavaScript's functions and properties.
pub fn lower_camel(snake: &str) -> String {
    let upper = upper_camel(snake);
    let mut chars = upper.chars();
    chars.next().map(|c| c.to_ascii_lowercase()).into_iter().chain(chars).collect()
}

/// `ERR_NAME_NOT_RESOLVED` -> `err-name-not-resolved` (docs anchors).
pub fn kebab(snake: &str) -> String {
    snake.to_ascii_lowercase().replace('_', "-")
}

/// `[A-Z][A-Za-z0-9]*`
pub fn is_upper_camel(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// `[A-Z][A-Z0-9]*(_[A-Z0-9]+)*`
pub fn is_upper_snake(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && s.split('_').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// `[a-z][a-z0-9]*(_[a-z0-9]+)*`
pub fn is_lower_snake(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.split('_').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// Rust strict and reserved keywords (edition 2024), plus the names a path
/// segment cannot take.
const RUST_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static",
    "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where",
    "while", "yield",
];

/// C (C89 to C23) and C++ (to C++23) keywords: the header is compiled as both.
const C_KEYWORDS: &[&str] = &[
    "_Alignas", "_Alignof", "_Atomic", "_BitInt", "_Bool", "_Complex", "_Decimal128", "_Decimal32",
    "_Decimal64", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", "alignas",
    "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch", "char",
    "char16_t", "char32_t", "char8_t", "class", "co_await", "co_return", "co_yield", "compl", "concept",
    "const", "const_cast", "consteval", "constexpr", "constinit", "continue", "decltype", "default", "delete",
    "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false", "float", "for",
    "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not",
    "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
    "reinterpret_cast", "requires", "restrict", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true",
    "try", "typedef", "typeid", "typename", "typeof", "typeof_unqual", "union", "unsigned", "using",
    "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
];

/// Python 3 hard keywords (`keyword.kwlist`).
const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// JavaScript's reserved words (ES2024, strict mode and modules), and the
/// names a strict-mode declaration cannot take.
const JS_KEYWORDS: &[&str] = &[
    "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
    "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function", "if", "implements",
    "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public",
    "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "undefined", "var", "void",
    "while", "with", "yield",
];

/// The language whose keyword `ident` is, if any.
pub fn keyword_language(ident: &str) -> Option<&'static str> {
    if RUST_KEYWORDS.contains(&ident) {
        Some("Rust")
    } else if C_KEYWORDS.contains(&ident) {
        Some("C/C++")
    } else if PYTHON_KEYWORDS.contains(&ident) {
        Some("Python")
    } else if JS_KEYWORDS.contains(&ident) {
        Some("JavaScript")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Spelling = fn(&str) -> String;
    type Style = fn(&str) -> bool;

    #[test]
    fn upper_snake_follows_the_design_rule() {
        for (name, expected) in [
            ("ContentReSendError", "CONTENT_RE_SEND_ERROR"),
            ("NoError", "NO_ERROR"),
            ("ContentAccessDenied", "CONTENT_ACCESS_DENIED"),
            ("Http2Error", "HTTP2_ERROR"),
            ("HTTPError", "HTTPERROR"),
            ("NAME_NOT_RESOLVED", "NAME_NOT_RESOLVED"),
        ] {
            assert_eq!(upper_snake(name), expected, "{name}");
        }
    }

    #[test]
    fn other_spellings() {
        let cases: [(Spelling, &str, &str); 6] = [
            (upper_camel, "rate_limit", "RateLimit"),
            (upper_camel, "dns", "Dns"),
            (lower_camel, "from_http_status", "fromHttpStatus"),
            (lower_camel, "is_certificate_error", "isCertificateError"),
            (lower_camel, "reason", "reason"),
            (kebab, "ERR_NAME_NOT_RESOLVED", "err-name-not-resolved"),
        ];
        for (spell, name, expected) in cases {
            assert_eq!(spell(name), expected, "{name}");
        }
    }

    #[test]
    fn styles() {
        let cases: [(Style, &str, bool); 8] = [
            (is_upper_camel, "ContentAccessDenied", true),
            (is_upper_camel, "content", false),
            (is_upper_camel, "Content_Denied", false),
            (is_upper_snake, "HTTP2_PING_FAILED", true),
            (is_upper_snake, "HTTP2__PING", false),
            (is_upper_snake, "Http2", false),
            (is_lower_snake, "aws_elb", true),
            (is_lower_snake, "aws-elb", false),
        ];
        for (is_style, name, expected) in cases {
            assert_eq!(is_style(name), expected, "{name}");
        }
    }

    #[test]
    fn keywords() {
        let cases = [
            ("Self", Some("Rust")),
            ("class", Some("C/C++")),
            ("None", Some("Python")),
            ("NONE", None),
            ("instanceof", Some("JavaScript")),
            ("undefined", Some("JavaScript")),
        ];
        for (ident, language) in cases {
            assert_eq!(keyword_language(ident), language, "{ident}");
        }
    }
}
