//! generated/c/netcodes.h as the C and C++ projects that vendor it meet it:
//! warning-free in every standard with gcc and clang, linkable from several
//! translation units, quiet under AddressSanitizer and UBSan over every code
//! and 10,000 unknown values with answers equal to data/, mapping functions
//! equal to the model's rules, group texts equal to data/, and a Qt 6 CMake
//! project that builds on it.
//!
//! (tests/conformance.rs already reads every code's name, description,
//! category and retry back through a C program; these tests do not repeat it.)

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use codegen::escape::c_string;
use codegen::model::{Model, System};
use conformance::readback::hex;
use conformance::headers::{C_WARNINGS, CXX_WARNINGS, INSTALL, WARNINGS, header_dir};
use conformance::{assert_lines, model, repo_root, require_tool, run, scratch_dir, stdout};

fn header() -> String {
    std::fs::read_to_string(header_dir().join("netcodes.h")).expect("read generated/c/netcodes.h")
}

fn is_cxx(compiler: &str) -> bool {
    compiler.ends_with("++")
}

/// Compiles (and links) `sources` with the header's directory on the include
/// path and every warning as an error.
fn build(compiler: &str, std: &str, extra: &[&str], sources: &[&Path], output: &Path) {
    require_tool(compiler, INSTALL);
    let language = if is_cxx(compiler) {
        CXX_WARNINGS
    } else {
        C_WARNINGS
    };
    run(Command::new(compiler)
        .arg(format!("-std={std}"))
        .args(WARNINGS)
        .args(language)
        .args(extra)
        .arg("-I")
        .arg(header_dir())
        .args(sources)
        .arg("-o")
        .arg(output));
}

/// Runs a built program and returns its standard output, failing on any
/// output to standard error (where the sanitizers report).
fn run_quietly(binary: &Path) -> String {
    let output = run(Command::new(binary)
        .env(
            "ASAN_OPTIONS",
            "detect_leaks=1:abort_on_error=0:halt_on_error=1",
        )
        .env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.is_empty(),
        "{} wrote to standard error:\n{stderr}",
        binary.display()
    );
    String::from_utf8(output.stdout).expect("the test programs print UTF-8")
}

// ---------------------------------------------------------------------------
// Every public function, in every standard

/// A function the header declares: `static inline <ret> <name>(<params>)`.
struct Function {
    name: String,
    returns: String,
    params: Vec<String>,
}

/// Every `static inline` function of the header, read from its text, so that
/// a function added to the template is called without editing this test.
fn functions(header: &str) -> Vec<Function> {
    header
        .lines()
        .filter_map(|line| line.strip_prefix("static inline "))
        .map(|signature| {
            let open = signature
                .find('(')
                .expect("a function signature has a parameter list");
            let close = signature
                .rfind(')')
                .expect("the parameter list closes on the same line");
            let head = &signature[..open];
            let name_start = head
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |i| i + 1);
            Function {
                name: head[name_start..].to_owned(),
                returns: head[..name_start].trim().to_owned(),
                params: signature[open + 1..close]
                    .split(',')
                    .map(|p| p.trim().to_owned())
                    .collect(),
            }
        })
        .collect()
}

/// An argument for a parameter: the loop's code `v` for codes, a name for
/// strings, and any enum built from a small value (valid in every enum).
fn argument(function: &str, param: &str) -> String {
    let (ty, _) = param
        .rsplit_once([' ', '*'])
        .unwrap_or_else(|| panic!("{function}: cannot read parameter `{param}`"));
    match param {
        "int code" => "v".to_owned(),
        "int i" => "v % 2".to_owned(),
        "int *code" => "&found".to_owned(),
        // Systems whose codes are 32- or 64-bit unsigned (HTTP/2, HTTP/3).
        "unsigned long code" => "NETCODES_CAST(unsigned long, v)".to_owned(),
        "unsigned long long code" => "NETCODES_CAST(unsigned long long, v)".to_owned(),
        "unsigned long *code" => "&found_ul".to_owned(),
        "unsigned long long *code" => "&found_ull".to_owned(),
        // The shared name search, on an empty table, and its helpers.
        "const netcodes_name *table" => "NETCODES_NULL".to_owned(),
        "size_t count" => "0u".to_owned(),
        "size_t length" => "NETCODES_CAST(size_t, v & 1)".to_owned(),
        "int folded" | "int idempotent" => "v & 1".to_owned(),
        "long retry_after_seconds" => "NETCODES_CAST(long, v % 7) - 1".to_owned(),
        "const char **start" => "&cursor".to_owned(),
        p if p.starts_with("const char *") => "names[NETCODES_CAST(size_t, v) % 3u]".to_owned(),
        _ if ty.starts_with("netcodes_") => format!("NETCODES_CAST({ty}, v & 1)"),
        _ => panic!("{function}: teach tests/c_header.rs an argument for `{param}`"),
    }
}

/// A C program (also valid C++) that calls every function of the header for
/// a handful of codes and folds every answer into one checksum, so that all
/// compilers and standards can be seen to agree.
fn every_function_program(header: &str) -> (String, usize) {
    let functions = functions(header);
    let mut calls = String::new();
    for f in &functions {
        let args: Vec<String> = f.params.iter().map(|p| argument(&f.name, p)).collect();
        let call = format!("{}({})", f.name, args.join(", "));
        let fold = match f.returns.as_str() {
            "const char *" => format!("fold_text(&sum, {call});"),
            "netcodes_retry_decision" => format!(
                "{{\n            netcodes_retry_decision d = {call};\n            \
                 fold(&sum, d.retry + 2 * d.after_seconds + 7 * d.new_connection);\n        }}"
            ),
            r if r.ends_with('*') => format!("fold(&sum, {call} != NETCODES_NULL);"),
            _ => format!("fold(&sum, NETCODES_CAST(long, {call}));"),
        };
        let _ = writeln!(calls, "        {fold}");
    }
    let program = format!(
        "#include <stdio.h>\n#include \"netcodes.h\"\n#include \"netcodes.h\" /* the include guard holds */\n\n\
         static void fold(unsigned long *sum, long value) {{\n    \
         *sum = *sum * 31u + NETCODES_CAST(unsigned long, value);\n}}\n\n\
         static void fold_text(unsigned long *sum, const char *text) {{\n    \
         if (text == NETCODES_NULL) {{\n        fold(sum, -1);\n        return;\n    }}\n    \
         for (; *text != '\\0'; ++text) {{\n        fold(sum, *text);\n    }}\n}}\n\n\
         int main(int argc, char **argv) {{\n    \
         static const int codes[] = {{0, 1, 3, 99, 200, 203, 404, 499, 502, -105, -200, 214, -2147483647 - 1, 2147483647}};\n    \
         static const char *const names[] = {{\"NoError\", \"ERR_NAME_NOT_RESOLVED\", \"not found\"}};\n    \
         unsigned long sum = 0;\n    size_t k;\n    (void)argv;\n    \
         for (k = 0; k < sizeof codes / sizeof codes[0]; ++k) {{\n        \
         int found = 0;\n        unsigned long found_ul = 0;\n        unsigned long long found_ull = 0;\n        /* Not a constant: the calls stay calls. */\n        int v = codes[k] + (argc - 1);\n        \
         const char *cursor = names[NETCODES_CAST(size_t, v) % 3u];\n\
         {calls}        fold(&sum, found);\n        fold(&sum, NETCODES_CAST(long, found_ul));\n        fold(&sum, NETCODES_CAST(long, found_ull));\n    }}\n    printf(\"%lu\\n\", sum);\n    return 0;\n}}\n"
    );
    (program, functions.len())
}

#[test]
fn every_function_compiles_without_warnings_in_c99_to_c17_and_cxx11_to_cxx20() {
    let (program, count) = every_function_program(&header());
    assert!(count >= 60, "read only {count} functions from netcodes.h");
    let dir = scratch_dir("c_header_matrix");
    let c_source = dir.join("every_function.c");
    let cxx_source = dir.join("every_function.cpp");
    std::fs::write(&c_source, &program).expect("write the C program");
    std::fs::write(&cxx_source, &program).expect("write the C++ program");

    let matrix: &[(&str, &[&str], &Path)] = &[
        ("gcc", &["c99", "c11", "c17"], &c_source),
        ("clang", &["c99", "c11", "c17"], &c_source),
        ("g++", &["c++11", "c++17", "c++20"], &cxx_source),
        ("clang++", &["c++11", "c++17", "c++20"], &cxx_source),
    ];
    let mut checksums = BTreeSet::new();
    let mut builds = 0;
    for (compiler, standards, source) in matrix {
        for std in *standards {
            let binary = dir.join(format!("every_function-{compiler}-{std}"));
            build(compiler, std, &["-O2"], &[source], &binary);
            checksums.insert(run_quietly(&binary));
            builds += 1;
        }
    }
    assert_eq!(
        checksums.len(),
        1,
        "compilers or standards disagree on some answer: {checksums:?}"
    );
    println!(
        "{count} functions called in {builds} builds (gcc, clang: c99 c11 c17; g++, clang++: c++11 c++17 c++20), one checksum"
    );
}

/// Everything the header declares at file scope: macros, types, enumerators
/// and functions carry the project's prefix, so nothing clashes with the
/// names of the project that vendors it. (A name declared twice is a compile
/// error, which the build tests catch.)
#[test]
fn every_identifier_the_header_declares_is_prefixed() {
    let header = header();
    let mut identifiers = Vec::new();
    for line in header.lines() {
        let line = line.trim_start();
        let first_word = |rest: &str| {
            rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .next()
                .map(str::to_owned)
        };
        if let Some(rest) = line.strip_prefix("#define ") {
            identifiers.extend(first_word(rest));
        } else if let Some(rest) = line
            .strip_prefix("typedef enum ")
            .or_else(|| line.strip_prefix("typedef struct "))
        {
            identifiers.extend(first_word(rest));
        } else if let Some(rest) = line.strip_prefix("} ").filter(|rest| rest.ends_with(';')) {
            identifiers.extend(first_word(rest).filter(|w| !w.is_empty()));
        } else if line.starts_with("NETCODES_") && line.contains(" = ") {
            identifiers.extend(first_word(line));
        }
    }
    identifiers.extend(functions(&header).into_iter().map(|f| f.name));
    let unprefixed: Vec<&String> = identifiers
        .iter()
        .filter(|i| !i.starts_with("netcodes_") && !i.starts_with("NETCODES_"))
        .collect();
    assert!(
        unprefixed.is_empty(),
        "netcodes.h declares identifiers without the prefix: {unprefixed:?}"
    );
    let codes: usize = model().systems.iter().map(|s| s.codes.len()).sum();
    assert!(
        identifiers.len() > codes,
        "read only {} identifiers for {codes} codes",
        identifiers.len()
    );
    println!("{} identifiers, all prefixed", identifiers.len());
}

// ---------------------------------------------------------------------------
// Several translation units, C and C++ in one program

/// A translation unit that uses a few lookups and a mapping; each unit gets its
/// own function name.
fn translation_unit(function: &str) -> String {
    format!(
        "#include \"netcodes.h\"\n\n\
         #ifdef __cplusplus\nextern \"C\"\n#endif\nint {function}(int code);\n\n\
         int {function}(int code) {{\n    \
         int found = 0;\n    \
         const char *name = netcodes_qt_name(code);\n    \
         if (name == NETCODES_NULL || !netcodes_qt_from_name(name, &found) || found != code) {{\n        return -1;\n    }}\n    \
         return netcodes_http_from_qt(code) + netcodes_qt_from_http_status(netcodes_http_from_qt(code));\n}}\n"
    )
}

/// One header in a C unit, a second C unit and a C++ unit, linked into one
/// program: `static inline` leaves no symbol to collide, and the units agree.
#[test]
fn translation_units_in_c_and_cxx_link_into_one_program() {
    require_tool("nm", INSTALL);
    let dir = scratch_dir("c_header_link");
    let units = [
        ("unit_a.c", "gcc", "c99", "netcodes_test_a"),
        ("unit_b.c", "gcc", "c11", "netcodes_test_b"),
        ("unit_c.cpp", "g++", "c++17", "netcodes_test_c"),
    ];
    let mut objects = Vec::new();
    for (file, compiler, std, function) in units {
        let source = dir.join(file);
        std::fs::write(&source, translation_unit(function)).expect("write a translation unit");
        let object = dir.join(format!("{file}.o"));
        build(compiler, std, &["-c"], &[&source], &object);
        // Every function of the header has internal linkage: a unit exports only its own function.
        let exported = stdout(
            Command::new("nm")
                .args(["--defined-only", "--extern-only", "--format=just-symbols"])
                .arg(&object),
        );
        let exported: Vec<&str> = exported.lines().collect();
        assert_eq!(
            exported,
            vec![function],
            "{file} exports more than its own function"
        );
        objects.push(object);
    }
    let main = dir.join("main.c");
    std::fs::write(
        &main,
        "#include <stdio.h>\n#include \"netcodes.h\"\n\n\
         int netcodes_test_a(int code);\nint netcodes_test_b(int code);\nint netcodes_test_c(int code);\n\n\
         int main(void) {\n    int code;\n    \
         for (code = 0; code < 500; ++code) {\n        \
         if (netcodes_qt_is_known(code)) {\n            \
         int a = netcodes_test_a(code);\n            \
         if (a < 0 || a != netcodes_test_b(code) || a != netcodes_test_c(code)) {\n                \
         printf(\"units disagree on %d\\n\", code);\n                return 1;\n            }\n        }\n    }\n    \
         puts(\"ok\");\n    return 0;\n}\n",
    )
    .expect("write main.c");
    let main_object = dir.join("main.o");
    build("gcc", "c99", &["-c"], &[&main], &main_object);
    let program = dir.join("linked");
    let mut link = Command::new("g++");
    link.args(&objects)
        .arg(&main_object)
        .arg("-o")
        .arg(&program);
    run(&mut link);
    assert_eq!(run_quietly(&program), "ok\n");
    println!(
        "3 translation units (C99, C11, C++17) and main linked; each exports only its own function"
    );
}

// ---------------------------------------------------------------------------
// Sanitizers over every code and 10,000 unknown values

const UNKNOWN_VALUES: usize = 10_000;

/// splitmix64: a fixed, portable sequence, so every run probes the same values.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A value in `lo..=hi`.
    fn within(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

/// `count` values the system does not know, from every part of the `int`
/// range: the edges of `int`, the system's neighbourhood, and anywhere.
fn unknown_values(system: &System, seed: u64, count: usize) -> Vec<i64> {
    let (int_min, int_max) = (i64::from(i32::MIN), i64::from(i32::MAX));
    let used: BTreeSet<i64> = system
        .codes
        .iter()
        .chain(&system.retired)
        .map(|c| c.value)
        .collect();
    // A narrow type (TLS alerts are a u8) has fewer unknown values than asked for.
    let (type_lo, type_hi) = system.int_type.range();
    let room = type_hi.min(int_max) - type_lo.max(int_min) + 1 - i64::try_from(used.len()).expect("few codes");
    let count = count.min(usize::try_from(room).unwrap_or(usize::MAX));
    let mut values = BTreeSet::new();
    let fixed = [
        int_min,
        int_min + 1,
        int_max,
        int_max - 1,
        0,
        -1,
        1,
        system.min - 1,
        system.max + 1,
        65_535,
        65_536,
    ];
    let mut random = SplitMix(seed);
    let mut candidates = fixed.into_iter().chain(std::iter::from_fn(|| {
        let pick = random.next() % 4;
        Some(match pick {
            0 => i64::from(random.next() as u32 as i32),
            1 => random.within(system.min - 2_000, system.max + 2_000),
            2 => random.within(-70_000, 70_000),
            _ => {
                let offset = random.within(0, 1_000);
                if random.next() % 2 == 0 {
                    int_min + offset
                } else {
                    int_max - offset
                }
            }
        })
    }));
    while values.len() < count {
        let value = candidates.next().expect("endless");
        if (int_min..=int_max).contains(&value) && carried(system, value) && !used.contains(&value) {
            values.insert(value);
        }
    }
    values.into_iter().collect()
}

fn or_dash(text: Option<&str>) -> String {
    text.map_or_else(|| "-".to_owned(), hex)
}

/// One line per value: everything the header answers about it.
fn probe_line(model: &Model, system: &System, value: i64) -> String {
    let code = system.codes.iter().find(|c| c.value == value && c.primary);
    let group = system
        .groups
        .iter()
        .find(|g| g.min <= value && value <= g.max);
    let predicates: String = system
        .groups
        .iter()
        .map(|g| {
            if g.min <= value && value <= g.max {
                '1'
            } else {
                '0'
            }
        })
        .collect();
    let flags: String = system
        .flags
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if code.is_some_and(|c| c.flags[i]) {
                '1'
            } else {
                '0'
            }
        })
        .collect();
    let retired = system.retired.iter().any(|c| c.value == value);
    let name = code.map(|c| c.name.as_str()).filter(|n| !n.is_empty());
    let by_name = name.and_then(|n| conformance::by_name(system, n)).map_or("-".to_owned(), |v| v.to_string());
    let meanings = system.meanings(value).len();
    let by_folded = name.and_then(|n| conformance::by_forgiving_name(system, n)).map_or("-".to_owned(), |v| v.to_string());
    // The `_or` lookups: never NULL, the fallback for a code without a name or description.
    let fallback = hex(UNKNOWN_FALLBACK);
    let name_or = name.map_or_else(|| fallback.clone(), hex);
    let description_or = code.map_or_else(|| fallback.clone(), |c| hex(&c.description));
    let http = format!("{meanings}\t{by_folded}\t{name_or}\t{description_or}");
    format!(
        "{}\t{value}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{by_name}\t{http}",
        system.id,
        u8::from(code.is_some()),
        or_dash(name),
        or_dash(code.map(|c| c.description.as_str())),
        code.map_or("-", |c| model.vocabulary.categories[c.category].id.as_str()),
        code.map_or("-", |c| model.vocabulary.retries[c.retry].id.as_str()),
        group.map_or("-", |g| g.id.as_str()),
        if predicates.is_empty() {
            "-"
        } else {
            &predicates
        },
        if flags.is_empty() { "-" } else { &flags },
        if retired { "1" } else { "0" },
    )
}

/// The C type of a system's codes in netcodes.h, and its printf conversion.
fn c_type(system: &System) -> (&'static str, &'static str) {
    match system.int_type.c() {
        "int" => ("int", "%d"),
        "unsigned long" => ("unsigned long", "%lu"),
        _ => ("unsigned long long", "%llu"),
    }
}

/// Values a probe can pass as the system's C type and print as C's `int`
/// prints it: within the system's integer type and within `int`.
fn carried(system: &System, value: i64) -> bool {
    let (lo, hi) = system.int_type.range();
    (lo.max(i64::from(i32::MIN))..=hi.min(i64::from(i32::MAX))).contains(&value)
}

/// The C statements that print `probe_line` for `v`.
fn probe_function(system: &System) -> String {
    let f = &system.c_fn_prefix;
    let (ty, format) = c_type(system);
    let mut body = format!(
        "static void probe_{id}({ty} v) {{\n    \
         const char *name = {f}name(v);\n    {ty} found = 0;\n    \
         printf(\"{id}\\t{format}\\t%d\\t\", v, {f}is_known(v));\n    \
         hex(name);\n    tab();\n    hex({f}description(v));\n    tab();\n    \
         text(netcodes_category_id({f}category(v)));\n    tab();\n    \
         text(netcodes_retry_id({f}retry(v)));\n    tab();\n    \
         text({f}group_id({f}group_of(v)));\n    tab();\n",
        id = system.id
    );
    let bits = |functions: Vec<String>| {
        if functions.is_empty() {
            "    text(\"-\");\n".to_owned()
        } else {
            functions
                .iter()
                .map(|function| format!("    printf(\"%d\", {function}(v));\n"))
                .collect()
        }
    };
    body += &bits(
        system
            .groups
            .iter()
            .map(|g| format!("{f}is_{}", g.id))
            .collect(),
    );
    body += "    tab();\n";
    body += &bits(
        system
            .flags
            .iter()
            .map(|flag| format!("{f}{}", flag.method))
            .collect(),
    );
    body += "    tab();\n";
    body += &format!("    printf(\"%d\", {f}is_retired(v));\n");
    body += &format!(
        "    tab();\n    \
         if (name != NETCODES_NULL && {f}from_name(name, &found)) {{\n        printf(\"{format}\", found);\n    }} else {{\n        text(\"-\");\n    }}\n    tab();\n"
    );
    body += &format!(
        "    printf(\"%d\\t\", {f}meaning_count(v));\n    \
         if (name != NETCODES_NULL && {f}from_name(name, &found)) {{\n        printf(\"{format}\", found);\n    }} else {{\n        text(\"-\");\n    }}\n"
    );
    body += &format!(
        "    tab();\n    hex({f}name_or(v, {fallback}));\n    tab();\n    hex({f}description_or(v, {fallback}));\n",
        fallback = c_string(UNKNOWN_FALLBACK)
    );
    body += "    putchar('\\n');\n}\n\n";
    body
}

/// What the probes pass to `_name_or` and `_description_or`.
const UNKNOWN_FALLBACK: &str = "(unknown)";

/// Names as people paste them, for the lookups by name: every name as it
/// is, in upper and lower case, with white space around it and behind each
/// of the system's prefixes, every former name, and names nobody uses.
fn name_queries(system: &System) -> Vec<String> {
    let mut queries: Vec<String> = system
        .codes
        .iter()
        .filter(|c| !c.name.is_empty())
        .flat_map(|c| {
            let mut spellings = vec![c.name.clone(), c.name.to_ascii_uppercase(), c.name.to_ascii_lowercase(), format!(" {}\n", c.name)];
            spellings.extend(system.lookup_prefixes.iter().map(|p| format!("{}{}", p.to_ascii_uppercase(), c.name)));
            spellings
        })
        .chain(system.former_names.iter().map(|f| f.name.clone()))
        .chain(["", "noerror", "NETCODES_QT_NO_ERROR", "ERR_", "\u{e9}", "net::", " \t "].map(str::to_owned))
        .chain(["", "Not Found ", "Not", "not found\u{e9}", "\u{ff}"].map(str::to_owned))
        .collect();
    queries.sort();
    queries.dedup();
    queries
}

const PROBE_PRELUDE: &str = "#include <stdio.h>\n#include \"netcodes.h\"\n\n\
    static void tab(void) { putchar('\\t'); }\n\n\
    static void text(const char *s) { fputs(s == NETCODES_NULL ? \"-\" : s, stdout); }\n\n\
    static void hex(const char *s) {\n    if (s == NETCODES_NULL) { text(\"-\"); return; }\n    \
    for (; *s != '\\0'; ++s) printf(\"%02x\", NETCODES_CAST(unsigned, NETCODES_CAST(unsigned char, *s)));\n}\n\n";

fn typed_array(ty: &str, name: &str, values: &[i64]) -> String {
    let values: Vec<String> = values
        .iter()
        .map(|&v| {
            if v == i64::from(i32::MIN) {
                "-2147483647 - 1".to_owned()
            } else {
                v.to_string()
            }
        })
        .collect();
    format!(
        "static const {ty} {name}[{}] = {{{}}};\n",
        values.len().max(1),
        if values.is_empty() {
            "0".to_owned()
        } else {
            values.join(", ")
        }
    )
}

#[test]
fn every_code_and_10000_unknown_values_agree_with_data_under_sanitizers() {
    let model = model();
    let mut program = PROBE_PRELUDE.to_owned();
    let mut main = String::from("int main(void) {\n    size_t i;\n    int hit;\n");
    let mut expected = Vec::new();
    let mut known = 0;
    for (index, system) in model.systems.iter().enumerate() {
        let mut values: Vec<i64> = system
            .codes
            .iter()
            .chain(&system.retired)
            .map(|c| c.value)
            .collect();
        values.dedup();
        known += values.len();
        values.extend(unknown_values(
            system,
            0x6e65_7463_6f64_6573 ^ index as u64,
            UNKNOWN_VALUES,
        ));
        program += &probe_function(system);
        program += &typed_array(c_type(system).0, &format!("{}_values", system.id), &values);
        let _ = write!(
            main,
            "    for (i = 0; i < sizeof {id}_values / sizeof {id}_values[0]; ++i) {{\n        probe_{id}({id}_values[i]);\n    }}\n",
            id = system.id
        );
        expected.extend(values.iter().map(|&v| probe_line(&model, system, v)));
        let _ = writeln!(
            main,
            "    {{\n    {ty} found = 0;\n    printf(\"{id} null %d %d\\n\", {f}from_name(NETCODES_NULL, &found), {f}from_name({name}, NETCODES_NULL));",
            ty = c_type(system).0,
            id = system.id,
            f = system.c_fn_prefix,
            name = c_string(&system.codes[0].ident),
        );
        expected.push(format!("{} null 0 1", system.id));
        // Every lookup by name, with names in every spelling people paste,
        // and the name's alias where the system has one (HTTP's from_reason)
        // answering as from_name does.
        type Finder = fn(&System, &str) -> Option<i64>;
        let forgiving: Finder = conformance::by_forgiving_name;
        let exact: Finder = conformance::by_name;
        let finders: Vec<(String, Finder)> = [("from_exact_name".to_owned(), exact), ("from_name".to_owned(), forgiving)]
            .into_iter()
            .chain(system.name_alias.iter().map(|alias| (format!("from_{alias}"), forgiving)))
            .collect();
        for (finder, answer) in finders {
            for query in name_queries(system) {
                let _ = writeln!(
                    main,
                    "    found = 12345;\n    hit = {f}{finder}({literal}, &found);\n    printf(\"{finder} %d {format}\\n\", hit, found);",
                    format = c_type(system).1,
                    f = system.c_fn_prefix,
                    literal = c_string(&query),
                );
                let hit = answer(system, &query);
                expected.push(format!("{finder} {} {}", u8::from(hit.is_some()), hit.unwrap_or(12345)));
            }
        }
        main += "    }\n";
    }
    main += "    return 0;\n}\n";
    program += &main;

    let dir = scratch_dir("c_header_sanitizers");
    let sanitize = [
        "-O1",
        "-g",
        "-fno-omit-frame-pointer",
        "-fsanitize=address,undefined",
        "-fno-sanitize-recover=all",
    ];
    for (compiler, std, file) in [("gcc", "c11", "probe.c"), ("clang++", "c++17", "probe.cpp")] {
        let source = dir.join(file);
        std::fs::write(&source, &program).expect("write the probe program");
        let binary = dir.join(format!("probe-{compiler}"));
        build(compiler, std, &sanitize, &[&source], &binary);
        let output = run_quietly(&binary);
        assert_lines(
            &format!("netcodes.h built by {compiler} -std={std} with ASan and UBSan"),
            &output,
            &expected,
        );
    }
    println!(
        "{} systems: {known} codes and retired numbers and {} unknown values each, {} lines compared, twice (gcc C11, clang++ C++17), sanitizers quiet",
        model.systems.len(),
        UNKNOWN_VALUES,
        expected.len()
    );
}

/// Every group of every system through `_group_id`, `_group_title` and
/// `_group_description`: the texts of data/ (NULL for a description data/
/// does not have), and NULL from all three for `_GROUP_NONE` and for a value
/// past the last group.
#[test]
fn every_group_reads_back_its_id_title_and_description() {
    let model = model();
    let mut program = PROBE_PRELUDE.to_owned();
    program += "static void group_line(const char *system, int group, const char *id, const char *title, const char *description) {\n    \
                printf(\"%s\\t%d\\t\", system, group);\n    text(id);\n    tab();\n    hex(title);\n    tab();\n    hex(description);\n    putchar('\\n');\n}\n\n\
                int main(void) {\n";
    let mut expected = Vec::new();
    for system in &model.systems {
        let f = &system.c_fn_prefix;
        let mut groups: Vec<(String, i64)> =
            system.groups.iter().zip(0..).map(|(g, i)| (g.c_name.clone(), i)).collect();
        let past = i64::try_from(system.groups.len()).expect("a count");
        groups.push((format!("{}GROUP_NONE", system.c_prefix), -1));
        groups.push((format!("NETCODES_CAST({f}group, {past})"), past));
        for (group, index) in groups {
            let _ = writeln!(
                program,
                "    group_line(\"{id}\", {index}, {f}group_id({group}), {f}group_title({group}), {f}group_description({group}));",
                id = system.id,
            );
            let texts = usize::try_from(index).ok().and_then(|i| system.groups.get(i)).map_or_else(
                || "-\t-\t-".to_owned(),
                |g| {
                    let description = if g.description.is_empty() { "-".to_owned() } else { hex(&g.description) };
                    format!("{}\t{}\t{description}", g.id, hex(&g.title))
                },
            );
            expected.push(format!("{}\t{index}\t{texts}", system.id));
        }
    }
    program += "    return 0;\n}\n";
    let dir = scratch_dir("c_header_groups");
    let source = dir.join("groups.c");
    std::fs::write(&source, &program).expect("write the program");
    let binary = dir.join("groups");
    build("gcc", "c99", &[], &[&source], &binary);
    assert_lines("the group functions of netcodes.h", &stdout(&mut Command::new(&binary)), &expected);
    let groups: usize = model.systems.iter().map(|s| s.groups.len()).sum();
    let described = model.systems.iter().flat_map(|s| &s.groups).filter(|g| !g.description.is_empty()).count();
    assert!(described > 0, "no group of data/ has a description: _group_description is not tested");
    println!("{groups} groups of {} systems read back, {described} with a description, and NULL past them", model.systems.len());
}

// ---------------------------------------------------------------------------
// Mapping functions

/// Every code of the mapping's source system, both sides of every rule's
/// edges, and the edges of `int`.
fn mapping_probes(model: &Model, mapping: &codegen::model::Mapping) -> Vec<i64> {
    let from = &model.systems[mapping.from];
    let mut values: Vec<i64> = from
        .codes
        .iter()
        .chain(&from.retired)
        .map(|c| c.value)
        .collect();
    for rule in &mapping.rules {
        values.extend([
            rule.lo - 1,
            rule.lo,
            rule.lo + 1,
            rule.hi - 1,
            rule.hi,
            rule.hi + 1,
        ]);
    }
    values.extend([
        i64::from(i32::MIN),
        i64::from(i32::MAX),
        from.min - 1,
        from.max + 1,
        0,
        -1,
    ]);
    values.retain(|v| carried(from, *v));
    values.sort_unstable();
    values.dedup();
    values
}

#[test]
fn mapping_functions_agree_with_the_rules_of_data_map() {
    let model = model();
    assert!(!model.mappings.is_empty(), "data/map/ holds no mapping");
    let mut program = PROBE_PRELUDE.to_owned();
    program += "int main(void) {\n    size_t i;\n    const netcodes_rule *rule;\n";
    let mut expected = Vec::new();
    let mut probes = 0;
    let targets: BTreeSet<usize> = model.mappings.iter().map(|m| m.to).collect();
    // Printed in the target's own type: a wrong constant type is a -Wformat error.
    for &to in &targets {
        let system = &model.systems[to];
        let _ = writeln!(
            program,
            "    printf(\"unmapped {} {}\\n\", {}UNMAPPED);",
            system.id,
            c_type(system).1,
            system.c_prefix
        );
    }
    for mapping in &model.mappings {
        let function = format!(
            "{}{}",
            model.systems[mapping.to].c_fn_prefix, mapping.function
        );
        let values = mapping_probes(&model, mapping);
        probes += values.len();
        let (ty, format) = c_type(&model.systems[mapping.from]);
        let (to_ty, to_format) = c_type(&model.systems[mapping.to]);
        program += &typed_array(ty, &format!("{}_values", mapping.id), &values)
            .replace("static const", "    static const");
        // The result is stored in the target's type first, so that the
        // strict flags reject a function that returns another type.
        let _ = write!(
            program,
            "    for (i = 0; i < sizeof {id}_values / sizeof {id}_values[0]; ++i) {{\n        \
             {ty} v = {id}_values[i];\n        {to_ty} mapped = {function}(v);\n        rule = {function}_rule(v);\n        \
             printf(\"{id}\\t{format}\\t\", v);\n        \
             if (rule == NETCODES_NULL) {{\n            text(\"-\\t-\\t-\");\n        }} else {{\n            \
             printf(\"%d\\t%s\\t\", rule->to, netcodes_mapping_kind_id(rule->kind));\n            hex(rule->note);\n        }}\n        \
             tab();\n        printf(\"{to_format}\\n\", mapped);\n    }}\n",
            id = mapping.id,
        );
    }
    program += "    return 0;\n}\n";

    let dir = scratch_dir("c_header_mappings");
    let source = dir.join("mappings.c");
    std::fs::write(&source, &program).expect("write the mapping program");
    let binary = dir.join("mappings");
    build(
        "gcc",
        "c99",
        &[
            "-O1",
            "-fsanitize=address,undefined",
            "-fno-sanitize-recover=all",
        ],
        &[&source],
        &binary,
    );
    let output = run_quietly(&binary);

    // NETCODES_<TO>_UNMAPPED: printed first, one line per target system, and never a value of that system.
    let mut lines = output.lines();
    let mut unmapped = std::collections::BTreeMap::new();
    for &to in &targets {
        let system = &model.systems[to];
        let line = lines
            .next()
            .expect("the program prints every UNMAPPED value");
        let value: i64 = line
            .strip_prefix(&format!("unmapped {} ", system.id))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("unexpected line `{line}`"));
        assert!(
            value < system.min || value > system.max,
            "{}UNMAPPED = {value} lies in {}..={}",
            system.c_prefix,
            system.min,
            system.max
        );
        unmapped.insert(to, value);
    }
    for mapping in &model.mappings {
        for value in mapping_probes(&model, mapping) {
            expected.push(match mapping.rule_for(value) {
                Some(rule) => format!(
                    "{}\t{value}\t{}\t{}\t{}\t{}",
                    mapping.id,
                    rule.to,
                    model.vocabulary.mapping_kinds[rule.kind].id,
                    if rule.note.is_empty() {
                        "-".to_owned()
                    } else {
                        hex(&rule.note)
                    },
                    rule.to
                ),
                None => format!(
                    "{}\t{value}\t-\t-\t-\t{}",
                    mapping.id, unmapped[&mapping.to]
                ),
            });
        }
    }
    let rest: String = lines.map(|l| format!("{l}\n")).collect();
    assert_lines("the mapping functions of netcodes.h", &rest, &expected);
    println!(
        "{} mappings, {probes} values compared with Mapping::rule_for (every code of the source system and both sides of every rule's edges)",
        model.mappings.len()
    );
}

// ---------------------------------------------------------------------------
// The Qt 6 example project

/// A header of one `static_assert` per Qt code of data/, for the example to
/// include: every `NETCODES_QT_*` constant equals Qt's own enumerator.
/// `off_by_one` breaks the first, to prove the asserts are really compiled.
fn qt_asserts(model: &Model, off_by_one: bool) -> (String, usize) {
    let qt = conformance::system(model, "qt");
    let mut text = String::from(
        "// Generated by tests/c_header.rs from data/qt: every NETCODES_QT_* is Qt's value.\n#pragma once\n",
    );
    for (i, code) in qt.codes.iter().enumerate() {
        let wrong = if off_by_one && i == 0 { " + 1" } else { "" };
        let _ = writeln!(
            text,
            "static_assert(static_cast<int>(QNetworkReply::{name}) == {c_name}{wrong}, \"{name}\");",
            name = code.upstream_name,
            c_name = code.c_name,
        );
    }
    (text, qt.codes.len())
}

/// The sorts of line the example prints; each must appear.
const EXAMPLE_LINES: [&str; 5] = [
    "description",
    "gateway answer",
    "from status",
    "unknown code",
    "live reply",
];

/// What sort of line the example printed, and the line data/ says it must be,
/// rebuilt from data/ for the code the line is about; `None` for a line
/// nothing explains. `previous_qt` is the code of the last description line.
fn expected_example_line(
    model: &Model,
    line: &str,
    previous_qt: Option<i64>,
) -> Option<(&'static str, String)> {
    let qt = conformance::system(model, "qt");
    let http = conformance::system(model, "http");
    let mapping = |from: &System, to: &System| {
        model
            .mappings
            .iter()
            .find(|m| model.systems[m.from].id == from.id && model.systems[m.to].id == to.id)
            .unwrap_or_else(|| panic!("data/map/ has no mapping from {} to {}", from.id, to.id))
    };
    let name = |system: &System, value: i64| {
        system
            .codes
            .iter()
            .find(|c| c.value == value && c.primary && !c.name.is_empty())
            .map_or("(none)".to_owned(), |c| c.name.clone())
    };
    let number = |text: &str| {
        text.split([' ', ':'])
            .next()
            .and_then(|n| n.parse::<i64>().ok())
    };
    if let Some(rest) = line.strip_prefix("reply Qt ") {
        let value = number(rest)?;
        return Some((
            "live reply",
            format!("reply Qt {value} {}", name(qt, value)),
        ));
    }
    if line.starts_with("  answer HTTP ") {
        let rule = mapping(qt, http).rule_for(previous_qt?)?;
        return Some((
            "gateway answer",
            format!(
                "  answer HTTP {} {} ({})",
                rule.to,
                name(http, rule.to),
                model.vocabulary.mapping_kinds[rule.kind].id
            ),
        ));
    }
    if let Some(rest) = line.strip_prefix("HTTP ") {
        let status = number(rest)?;
        let to = mapping(http, qt).rule_for(status).map(|r| r.to);
        let qt_name = to.map_or("(none)".to_owned(), |v| name(qt, v));
        return Some((
            "from status",
            format!("HTTP {status} {} -> Qt {qt_name}", name(http, status)),
        ));
    }
    let rest = line.strip_prefix("Qt ")?;
    let value = number(rest)?;
    if rest.contains(" known: ") {
        let known = qt.codes.iter().any(|c| c.value == value);
        return Some((
            "unknown code",
            format!("Qt {value} known: {}", if known { "yes" } else { "no" }),
        ));
    }
    let code = qt.codes.iter().find(|c| c.value == value)?;
    Some((
        "description",
        format!("Qt {value} {}: {}", code.name, code.description),
    ))
}

#[test]
fn qt_example_builds_against_qt6_with_every_value_asserted_and_prints_what_data_says() {
    require_tool("cmake", INSTALL);
    require_tool("make", INSTALL);
    require_tool("g++", INSTALL);
    let model = model();
    let dir = scratch_dir("c_header_qt_example");
    let build_dir = dir.join("build");
    let asserts = build_dir.join("netcodes_qt_asserts.h");
    std::fs::create_dir_all(&build_dir).expect("create the build directory");
    run(Command::new("cmake")
        .arg("-S")
        .arg(repo_root().join("tests/qt-example"))
        .arg("-B")
        .arg(&build_dir)
        .arg(format!("-DNETCODES_EXAMPLE_ASSERTS={}", asserts.display()))
        .arg("-DCMAKE_COMPILE_WARNING_AS_ERROR=ON")
        .arg("-DCMAKE_BUILD_TYPE=Debug"));
    let build = || {
        Command::new("cmake")
            .arg("--build")
            .arg(&build_dir)
            .arg("--parallel")
            .output()
            .expect("run cmake --build")
    };

    // A static_assert that never fires would prove nothing: a wrong value must break the build.
    let (wrong, _) = qt_asserts(&model, true);
    std::fs::write(&asserts, wrong).expect("write the wrong asserts");
    let output = build();
    let log = String::from_utf8_lossy(&output.stderr).into_owned()
        + &String::from_utf8_lossy(&output.stdout);
    let first = &conformance::system(&model, "qt").codes[0].upstream_name;
    assert!(
        !output.status.success() && log.contains("static assert") && log.contains(first.as_str()),
        "the example built with a deliberately wrong value, or failed for another reason:\n{log}"
    );

    let (right, asserted) = qt_asserts(&model, false);
    std::fs::write(&asserts, right).expect("write the asserts");
    let output = build();
    assert!(
        output.status.success(),
        "the Qt example does not build against Qt 6:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let printed = run_quietly(&build_dir.join("netcodes_qt_example"));
    let mut previous_qt = None;
    let mut sorts = BTreeSet::new();
    for line in printed.lines() {
        let (sort, expected) =
            expected_example_line(&model, line, previous_qt).unwrap_or_else(|| {
                panic!("the example printed a line nothing in data/ explains: {line:?}")
            });
        assert_eq!(line, expected, "the example disagrees with data/");
        sorts.insert(sort);
        if sort == "description" {
            previous_qt = line.split(' ').nth(1).and_then(|n| n.parse().ok());
        }
    }
    let missing: Vec<&str> = EXAMPLE_LINES
        .into_iter()
        .filter(|sort| !sorts.contains(sort))
        .collect();
    assert!(
        missing.is_empty(),
        "the example printed no {missing:?} line:\n{printed}"
    );
    // Qt's real answer for a URL scheme it has no handler for.
    assert!(
        printed.contains("reply Qt 301 ProtocolUnknownError\n"),
        "the example's live reply did not end with ProtocolUnknownError (301):\n{printed}"
    );
    println!(
        "Qt example: {asserted} static_asserts against QNetworkReply (a wrong one fails the build), {} lines printed, each equal to data/",
        printed.lines().count()
    );
}

/// A constant named for a meaning after its number's first is the number,
/// and with its `_MEANING` index leads to that meaning's facts.
#[test]
fn meaning_constants_lead_to_their_meaning() {
    let model = model();
    let mut program = String::from("#include <stdio.h>\n#include \"netcodes.h\"\n\nint main(void) {\n    const netcodes_entry *m;\n");
    let mut expected = Vec::new();
    for system in &model.systems {
        for code in system.codes.iter().filter(|c| !c.primary) {
            let _ = writeln!(
                program,
                "    m = {f}meaning({c}, {c}_MEANING);\n    printf(\"%d %s\\n\", {c}, m != NETCODES_NULL && m->name != NETCODES_NULL ? m->name : \"-\");",
                f = system.c_fn_prefix,
                c = code.c_name
            );
            expected.push(format!("{} {}", code.value, if code.name.is_empty() { "-" } else { &code.name }));
        }
    }
    program.push_str("    return 0;\n}\n");
    assert!(!expected.is_empty(), "no number with several meanings in data/");
    let dir = scratch_dir("c_header_meanings");
    std::fs::write(dir.join("meanings.c"), program).expect("write the program");
    run(Command::new("gcc")
        .args(["-std=c99", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(repo_root().join("generated/c"))
        .arg(dir.join("meanings.c"))
        .arg("-o")
        .arg(dir.join("meanings")));
    let output = stdout(&mut Command::new(dir.join("meanings")));
    assert_eq!(output.lines().collect::<Vec<_>>(), expected);
    println!("{} meaning constants lead to their own meaning", expected.len());
}
