//! What the `netcodes` command says about itself. The Python package's
//! `python -m netcodes` and the Rust crate's binary print this one text, so
//! the two commands cannot drift apart in their help.

use crate::model::Model;

/// The help, with examples and the list of systems taken from the model.
pub fn help(model: &Model) -> String {
    let ids: Vec<&str> = model.systems.iter().map(|s| s.id.as_str()).collect();
    // A few systems' example codes, by number and by name as pasted: with the
    // prefix the system's own tools print, and a name without spaces.
    let examples = model.systems.iter().take(3).map(|s| (s, &s.codes[s.example]));
    let numbers: Vec<String> = examples.clone().map(|(_, c)| c.value.to_string()).collect();
    let names: Vec<String> = examples
        .map(|(s, c)| {
            let name = if c.name.is_empty() || c.name.contains(' ') { &c.ident } else { &c.name };
            format!("{}{name}", s.pasted_prefixes.first().map_or("", String::as_str))
        })
        .collect();
    let paragraphs = [
        format!(
            "Explains network error and status codes. For each CODE, every system that has a code with \
             that number or name ({}) answers with each meaning's description, category and retry advice, \
             and the codes it maps to in other systems.",
            ids.join(", ")
        ),
        format!(
            "CODE is a number ({}) or a name as logs and programs print it ({}), in any letter case. \
             A name stands for its number: every meaning of the number is shown.",
            numbers.join(", "),
            names.join(", ")
        ),
    ];
    let mut help = String::from("usage: netcodes [--json] CODE...\n\n");
    for paragraph in &paragraphs {
        help.push_str(&wrap(paragraph, 78));
        help.push('\n');
    }
    help.push_str(
        "options:\n  \
           --json      print the codes as a JSON array\n  \
           -h, --help  print this help\n\
         \n\
         Exit status: 0 when every CODE is known, 1 when one is not, 2 for a usage error.\n",
    );
    help
}

/// `text` in lines of at most `width` columns (a longer word stays whole).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out.push('\n');
    out
}
