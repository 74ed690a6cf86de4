//! generated/c/netcodes.hpp as C++ and Qt projects meet it: static_asserts
//! on every value of data/ compiled by g++ and clang++ as C++17 and C++20
//! under the strictest warnings; every code and every unknown value in the
//! systems' neighbourhood read back from a running program (under ASan and
//! UBSan) and compared with the model; the Qt overloads against Qt 6's real
//! headers; and the Qt example of the README built with the CMake package
//! four ways (add_subdirectory, FetchContent from a path and from a git URL,
//! find_package after `cmake --install`, the copied header) and through
//! pkg-config, each run and its log checked against data/.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use codegen::escape::c_string;
use codegen::model::{DecisionRule, Model, System};
use conformance::readback::hex;
use conformance::headers::{CXX_WARNINGS, INSTALL, WARNINGS, header_dir};
use conformance::{assert_lines, model, repo_root, require_tool, run, scratch_dir, stdout};

/// The warnings of either header's builds, and the C++ ones, all errors.
fn warnings() -> impl Iterator<Item = &'static str> {
    WARNINGS.iter().chain(CXX_WARNINGS).copied()
}

/// The compile matrix: each compiler in each standard.
const MATRIX: &[(&str, &str)] = &[("g++", "c++17"), ("g++", "c++20"), ("clang++", "c++17"), ("clang++", "c++20")];

/// The builds of MATRIX that evaluate every static_assert: each compiler and each standard once.
const ASSERTS_IN: &[(&str, &str)] = &[("g++", "c++17"), ("clang++", "c++20")];

/// What the probes pass as the fallback of `name_or` and `description_or`.
const FALLBACK: &str = "(unknown)";

/// Compiles `source` with the header's directory on the include path and
/// every warning an error; `-c` in `extra` stops before linking.
fn compile(compiler: &str, std: &str, extra: &[&str], source: &Path, output: &Path) -> Output {
    require_tool(compiler, INSTALL);
    Command::new(compiler)
        .arg(format!("-std={std}"))
        .args(warnings())
        .args(extra)
        .arg("-I")
        .arg(header_dir())
        .arg(source)
        .arg("-o")
        .arg(output)
        .output()
        .unwrap_or_else(|err| panic!("cannot run {compiler}: {err}"))
}

fn must_compile(compiler: &str, std: &str, extra: &[&str], source: &Path, output: &Path) {
    let out = compile(compiler, std, extra, source, output);
    assert!(
        out.status.success(),
        "{compiler} -std={std} rejects {}:\n{}",
        source.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs a program; standard error must stay empty (the sanitizers report there).
fn run_quietly(binary: &Path) -> String {
    let output = run(Command::new(binary).env("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{} wrote to standard error:\n{stderr}", binary.display());
    String::from_utf8(output.stdout).expect("the test programs print UTF-8")
}

// ---------------------------------------------------------------------------
// What data/ says, by the rules the docs' API and vocabulary pages state
// (worked out here from the model's facts and indexes, never from the
// generator's code)

/// `netcodes::<id>::<Type>`
fn code_type(system: &System) -> String {
    format!("netcodes::{}::{}", system.id, system.type_name)
}

/// A value as an expression of the system's code type.
fn code_expr(system: &System, value: i64) -> String {
    format!("static_cast<{}>({value}LL)", code_type(system))
}

/// The forgiving name lookup (the docs' API page): trim ASCII whitespace, an exact name,
/// else without one lookup prefix (ignoring case) any name ignoring case.
fn forgiving(system: &System, text: &str) -> Option<i64> {
    let text = text.trim_matches([' ', '\t', '\r', '\n']);
    if let Some(value) = conformance::by_name(system, text) {
        return Some(value);
    }
    let stripped = system
        .lookup_prefixes
        .iter()
        .find(|p| text.len() >= p.len() && text.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
        .map_or(text, |p| &text[p.len()..]);
    conformance::by_folded_name(system, stripped)
}

/// The retry decision (the docs' vocabulary page): (retry, after, new_connection).
fn decision(model: &Model, retry: usize, idempotent: bool, retry_after: Option<u32>) -> (bool, u32, bool) {
    let d = model.vocabulary.retries[retry].decision.expect("every retry class decides");
    let again = match d.rule {
        DecisionRule::No => false,
        DecisionRule::Yes => true,
        DecisionRule::IfIdempotent => idempotent,
        DecisionRule::IfRetryAfter => retry_after.is_some(),
    };
    if again { (true, d.delay.max(retry_after.unwrap_or(0)), d.new_connection) } else { (false, 0, false) }
}

/// What `to_string(code)` shows: the name, or number and name, or the bare number.
fn shown(system: &System, value: i64) -> String {
    match system.primary(value).map(|c| c.name.as_str()).filter(|n| !n.is_empty()) {
        Some(name) if system.number_first => format!("{value} {name}"),
        Some(name) => name.to_owned(),
        None => value.to_string(),
    }
}

fn described(system: &System, value: i64) -> String {
    system.primary(value).map_or_else(|| format!("unknown {} code {value}", system.id), |c| c.description.clone())
}

/// Queries for the name lookups: every name of the indexes as it is, in
/// other cases, padded, behind each lookup prefix; former names; misses.
fn name_queries(system: &System) -> Vec<String> {
    let mut queries = Vec::new();
    for (name, _) in system.names.iter().chain(&system.folded) {
        queries.extend([name.clone(), name.to_ascii_uppercase(), name.to_ascii_lowercase(), format!(" \t{name}\r\n")]);
        for prefix in &system.lookup_prefixes {
            queries.extend([
                format!("{prefix}{name}"),
                format!(" {}{} ", prefix.to_ascii_uppercase(), name.to_ascii_lowercase()),
            ]);
        }
    }
    queries.extend(system.former_names.iter().map(|f| f.name.clone()));
    queries.extend(["", " ", "\u{e9}", "::", "no such name"].map(str::to_owned));
    queries.extend(system.lookup_prefixes.iter().cloned());
    queries.sort();
    queries.dedup();
    queries
}

/// Every code and retired number, the values around the system's range
/// and the edges of its type: what the readback asks about.
fn probe_values(system: &System) -> Vec<i64> {
    let (lo, hi) = system.int_type.range();
    let (lo, hi) = (lo.max(i64::from(i32::MIN)), hi.min(i64::from(i32::MAX)));
    let mut values: Vec<i64> = system.codes.iter().chain(&system.retired).map(|c| c.value).collect();
    // Every value of a small range; around the ends and each code of a wide
    // one (HTTP/2's and HTTP/3's reach 2^32 and 2^62).
    if system.max - system.min <= 4_000 {
        values.extend((system.min - 3)..=(system.max + 3));
    } else {
        let around: Vec<i64> = values.clone();
        for v in around.into_iter().chain([system.min, system.max]) {
            values.extend(v.saturating_sub(3)..=v.saturating_add(3));
        }
    }
    values.extend([lo, lo + 1, hi, hi - 1, 0, -1, 1, 65_535, 65_536]);
    values.retain(|v| (lo..=hi).contains(v));
    values.sort_unstable();
    values.dedup();
    values
}

// ---------------------------------------------------------------------------
// Every value of data/, asserted at compile time

/// A C++ source of `static_assert`s on every value: vocabulary texts, every
/// meaning of every code, retired and unknown values, every name query,
/// every retry decision and every mapping rule. `wrong` breaks one, to prove
/// the asserts are really evaluated.
fn static_asserts(model: &Model, wrong: bool) -> (String, usize) {
    let mut out = String::from(
        "// Generated by tests/cpp_header.rs from data/: every value netcodes.hpp holds.\n\
         // POSIX and C headers first: netcodes' names must not meet their macros.\n\
         #include <arpa/inet.h>\n#include <fcntl.h>\n#include <netdb.h>\n#include <netinet/in.h>\n\
         #include <sys/socket.h>\n#include <unistd.h>\n#include <cerrno>\n#include <climits>\n#include <csignal>\n\
         #include <cstdio>\n#include <cstdlib>\n\n#include \"netcodes.hpp\"\n#include \"netcodes.hpp\"\n#include \"netcodes.h\"\n\n",
    );
    let mut count = 0;
    let mut check = |out: &mut String, condition: String| {
        count += 1;
        let _ = writeln!(out, "static_assert({condition}, \"data/ says so\");");
    };
    let lit = |text: &str| c_string(text);
    check(&mut out, format!("netcodes::version == {}", lit(&model.version)));
    if wrong {
        check(&mut out, format!("netcodes::version == {}", lit("0.0.0-wrong")));
    }
    let vocab = &model.vocabulary;
    for (ty, terms) in [
        ("Category", &vocab.categories),
        ("Retry", &vocab.retries),
        ("CodeStatus", &vocab.statuses),
        ("MappingKind", &vocab.mapping_kinds),
    ] {
        for (i, t) in terms.iter().enumerate() {
            let term = format!("netcodes::{ty}::{}", t.upper);
            check(&mut out, format!("static_cast<int>({term}) == {i}"));
            check(&mut out, format!("netcodes::id({term}) == {}", lit(&t.id)));
            check(&mut out, format!("netcodes::title({term}) == {}", lit(&t.title)));
            check(&mut out, format!("netcodes::description({term}) == {}", lit(&t.description)));
        }
    }
    for (r, t) in vocab.retries.iter().enumerate() {
        for idempotent in [false, true] {
            for retry_after in [None, Some(0), Some(1), Some(120)] {
                let (again, after, fresh) = decision(model, r, idempotent, retry_after);
                let arg = retry_after.map_or("std::nullopt".to_owned(), |s| format!("{s}u"));
                check(
                    &mut out,
                    format!(
                        "netcodes::retry_decision(netcodes::Retry::{}, {idempotent}, {arg}) == netcodes::RetryDecision{{{again}, {after}u, {fresh}}}",
                        t.upper
                    ),
                );
            }
        }
    }
    for system in &model.systems {
        let ty = code_type(system);
        let ns = format!("netcodes::{}", system.id);
        // Every group, with codes or not (WebSocket's private use has none).
        for (i, g) in system.groups.iter().enumerate() {
            let group = format!("{ns}::Group::{}", g.upper);
            check(&mut out, format!("static_cast<int>({group}) == {i}"));
            check(&mut out, format!("{ns}::id({group}) == {}", lit(&g.id)));
            check(&mut out, format!("{ns}::title({group}) == {}", lit(&g.title)));
            check(&mut out, format!("{ns}::description({group}) == {}", lit(&g.description)));
            check(&mut out, format!("netcodes::description({group}) == {}", lit(&g.description)));
        }
        for code in &system.codes {
            let c = format!("{ty}::{}", code.ident);
            let value = code.value;
            check(&mut out, format!("{ns}::value({c}) == {value}"));
            check(&mut out, format!("static_cast<long long>({c}) == {value}LL"));
            let meanings = system.meanings(value);
            let i = meanings.iter().position(|m| std::ptr::eq(m, code)).expect("a code is among its value's meanings");
            let m = format!("{ns}::meanings({c})[{i}]");
            check(&mut out, format!("{ns}::meanings({c}).size() == {}u", meanings.len()));
            check(&mut out, format!("{m}.code == {c}"));
            check(&mut out, format!("{m}.ident == {}", lit(&code.ident)));
            check(&mut out, format!("{m}.name == {}", lit(&code.name)));
            check(&mut out, format!("{m}.description == {}", lit(&code.description)));
            check(&mut out, format!("{m}.category == netcodes::Category::{}", vocab.categories[code.category].upper));
            check(&mut out, format!("{m}.retry == netcodes::Retry::{}", vocab.retries[code.retry].upper));
            check(&mut out, format!("{m}.status == netcodes::CodeStatus::{}", vocab.statuses[code.status].upper));
            check(&mut out, format!("{m}.source == {}", lit(&system.sources[code.source].id)));
            check(&mut out, format!("{m}.since == {}", lit(code.since.as_deref().unwrap_or(""))));
            check(&mut out, format!("{m}.reference == {}", lit(code.reference.as_deref().unwrap_or(""))));
            check(&mut out, format!("{m}.meaning_count == {}u", code.meaning_count));
            if !code.primary {
                continue;
            }
            check(&mut out, format!("{ns}::is_known({c})"));
            check(&mut out, format!("!{ns}::is_retired({c})"));
            check(&mut out, format!("{ns}::lookup({value}LL) == {c}"));
            check(&mut out, format!("{ns}::name({c}) == {}", lit(&code.name)));
            check(&mut out, format!("netcodes::name({c}) == {}", lit(&code.name)));
            let name_or = if code.name.is_empty() { FALLBACK } else { &code.name };
            check(&mut out, format!("{ns}::name_or({c}, {}) == {}", lit(FALLBACK), lit(name_or)));
            check(&mut out, format!("{ns}::description({c}) == {}", lit(&code.description)));
            check(&mut out, format!("{ns}::description_or({c}, {}) == {}", lit(FALLBACK), lit(&code.description)));
            check(
                &mut out,
                format!("{ns}::category({c}) == netcodes::Category::{}", vocab.categories[code.category].upper),
            );
            check(&mut out, format!("{ns}::retry({c}) == netcodes::Retry::{}", vocab.retries[code.retry].upper));
            check(
                &mut out,
                format!("{ns}::status({c}) == netcodes::CodeStatus::{}", vocab.statuses[code.status].upper),
            );
            let group = system.group(code);
            check(&mut out, format!("{ns}::group({c}) == {ns}::Group::{}", group.upper));
            check(&mut out, format!("id(*{ns}::group({c})) == {}", lit(&group.id)));
            check(&mut out, format!("title(*{ns}::group({c})) == {}", lit(&group.title)));
            for g in &system.groups {
                let inside = g.min <= value && value <= g.max;
                check(&mut out, format!("{}{ns}::{}({c})", if inside { "" } else { "!" }, g.method));
            }
            for (f, flag) in system.flags.iter().enumerate() {
                check(&mut out, format!("{}{ns}::{}({c})", if code.flags[f] { "" } else { "!" }, flag.method));
            }
            for (idempotent, retry_after) in [(true, None), (false, Some(120))] {
                let (again, after, fresh) = decision(model, code.retry, idempotent, retry_after);
                let arg = retry_after.map_or("std::nullopt".to_owned(), |s| format!("{s}u"));
                check(
                    &mut out,
                    format!(
                        "{ns}::retry_decision({c}, {idempotent}, {arg}) == netcodes::RetryDecision{{{again}, {after}u, {fresh}}}"
                    ),
                );
            }
            if let Some(alias) = &system.name_alias {
                check(&mut out, format!("{ns}::{alias}({c}) == {}", lit(&code.name)));
            }
        }
        for code in &system.retired {
            let c = code_expr(system, code.value);
            check(&mut out, format!("{ns}::is_retired({c}) && !{ns}::is_known({c})"));
        }
        // Unknown values: empty, nullopt, the fallback, no retry.
        let known: std::collections::BTreeSet<i64> = system.codes.iter().map(|c| c.value).collect();
        let mut unknown: Vec<i64> = probe_values(system).into_iter().filter(|v| !known.contains(v)).collect();
        unknown.truncate(200);
        for value in unknown {
            let c = code_expr(system, value);
            check(
                &mut out,
                format!(
                    "!{ns}::is_known({c}) && !{ns}::lookup({value}LL) && {ns}::name({c}).empty() && {ns}::description({c}).empty() \
                     && {ns}::name_or({c}, {fb}) == {fb} && {ns}::description_or({c}, {fb}) == {fb} && !{ns}::category({c}) \
                     && !{ns}::retry({c}) && !{ns}::status({c}) && {ns}::meanings({c}).empty() \
                     && {ns}::retry_decision({c}, true, 5u) == netcodes::RetryDecision{{false, 0u, false}}",
                    fb = lit(FALLBACK)
                ),
            );
            let group = system.groups.iter().find(|g| g.min <= value && value <= g.max);
            check(
                &mut out,
                match group {
                    Some(g) => format!("{ns}::group({c}) == {ns}::Group::{}", g.upper),
                    None => format!("!{ns}::group({c})"),
                },
            );
        }
        // Every name of the indexes; the other spellings are read back at run time.
        let names: std::collections::BTreeSet<&String> =
            system.names.iter().chain(&system.folded).map(|(n, _)| n).collect();
        for query in names {
            let q = lit(query);
            let expect = |hit: Option<i64>| hit.map_or_else(|| "std::nullopt".to_owned(), |v| code_expr(system, v));
            check(&mut out, format!("{ns}::from_name({q}) == {}", expect(forgiving(system, query))));
            check(&mut out, format!("{ns}::from_exact_name({q}) == {}", expect(conformance::by_name(system, query))));
            if let Some(alias) = &system.name_alias {
                check(&mut out, format!("{ns}::from_{alias}({q}) == {}", expect(forgiving(system, query))));
            }
        }
    }
    for mapping in &model.mappings {
        let (from, to) = (&model.systems[mapping.from], &model.systems[mapping.to]);
        let function = format!("netcodes::{}::{}", to.id, mapping.function);
        for value in mapping_probes(model, mapping) {
            let c = code_expr(from, value);
            match mapping.rule_for(value) {
                Some(rule) => {
                    let target = format!("{}::{}", code_type(to), to.codes[rule.to_row].ident);
                    check(
                        &mut out,
                        format!(
                            "{function}_rule({c})->to == {target} && {function}_rule({c})->kind == netcodes::MappingKind::{} \
                             && {function}_rule({c})->note == {} && {function}({c}) == {target}",
                            model.vocabulary.mapping_kinds[rule.kind].upper,
                            lit(&rule.note)
                        ),
                    );
                }
                None => check(&mut out, format!("!{function}_rule({c}) && !{function}({c})")),
            }
        }
    }
    out.push_str("\nint main() { return 0; }\n");
    (out, count)
}

/// Every code of the mapping's source system, both sides of every rule's
/// edges, and values no rule covers.
fn mapping_probes(model: &Model, mapping: &codegen::model::Mapping) -> Vec<i64> {
    let from = &model.systems[mapping.from];
    let mut values: Vec<i64> = from.codes.iter().chain(&from.retired).map(|c| c.value).collect();
    for rule in &mapping.rules {
        values.extend([rule.lo - 1, rule.lo, rule.lo + 1, rule.hi - 1, rule.hi, rule.hi + 1]);
    }
    values.extend([from.min - 1, from.max + 1, 0, -1]);
    let (lo, hi) = from.int_type.range();
    values.retain(|v| (lo.max(i64::from(i32::MIN))..=hi.min(i64::from(i32::MAX))).contains(v));
    values.sort_unstable();
    values.dedup();
    values
}

#[test]
fn every_value_is_static_asserted_by_gcc_in_cxx17_and_clang_in_cxx20() {
    let model = model();
    let dir = scratch_dir("cpp_header_matrix");
    // A wrong value must fail the build, or the asserts prove nothing.
    let (wrong, _) = static_asserts(&model, true);
    let source = dir.join("wrong.cpp");
    std::fs::write(&source, wrong).expect("write the wrong asserts");
    // The wrong assert comes second: -Wfatal-errors stops right there.
    let out = compile("g++", "c++17", &["-c", "-Wfatal-errors"], &source, &dir.join("wrong.o"));
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && log.contains("static assertion failed") && log.contains("0.0.0-wrong"),
        "a deliberately wrong static_assert did not fail the build:\n{log}"
    );

    let (asserts, count) = static_asserts(&model, false);
    let source = dir.join("asserts.cpp");
    std::fs::write(&source, &asserts).expect("write the asserts");
    // Evaluating the asserts is most of this test's time: each compiler and
    // each standard evaluates them once, and the other two builds of the
    // matrix compile the header alone.
    let header_only = dir.join("header_only.cpp");
    std::fs::write(&header_only, "#include \"netcodes.hpp\"\nint main() { return 0; }\n").expect("write");
    std::thread::scope(|scope| {
        for &(compiler, std) in MATRIX {
            let evaluates = ASSERTS_IN.contains(&(compiler, std));
            let source = if evaluates { &source } else { &header_only };
            let dir = &dir;
            scope.spawn(move || {
                must_compile(compiler, std, &["-c"], source, &dir.join(format!("asserts-{compiler}-{std}.o")))
            });
        }
    });
    let codes: usize = model.systems.iter().map(|s| s.codes.len()).sum();
    assert!(count > 10 * codes, "only {count} asserts for {codes} codes");
    println!(
        "{count} static_asserts ({codes} codes and every name, decision and rule) hold in g++ as C++17 and clang++ as C++20; the header compiles in all {} builds",
        MATRIX.len()
    );
}

/// Below C++17 the header says what it needs rather than failing somewhere inside.
#[test]
fn cxx14_is_told_that_the_header_needs_cxx17() {
    let dir = scratch_dir("cpp_header_cxx14");
    let source = dir.join("old.cpp");
    std::fs::write(&source, "#include \"netcodes.hpp\"\nint main() { return 0; }\n").expect("write");
    for compiler in ["g++", "clang++"] {
        let out = compile(compiler, "c++14", &["-c"], &source, &dir.join("old.o"));
        let log = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && log.contains("netcodes.hpp needs C++17 or later"), "{compiler}:\n{log}");
    }
}

// ---------------------------------------------------------------------------
// Every answer read back from a running program

/// One line per value: everything netcodes.hpp answers about it.
fn probe_line(model: &Model, system: &System, value: i64) -> String {
    let vocab = &model.vocabulary;
    let code = system.primary(value);
    let name = code.map(|c| c.name.as_str()).filter(|n| !n.is_empty());
    let or_dash = |text: Option<&str>| text.map_or_else(|| "-".to_owned(), hex);
    let group = system.groups.iter().find(|g| g.min <= value && value <= g.max);
    let bits = |flags: Vec<bool>| -> String {
        if flags.is_empty() { "-".to_owned() } else { flags.iter().map(|&b| if b { '1' } else { '0' }).collect() }
    };
    let meanings: Vec<String> = system
        .meanings(value)
        .iter()
        .map(|m| {
            format!(
                "{}/{}/{}",
                m.ident,
                system.sources[m.source].id,
                if m.name.is_empty() { "-".to_owned() } else { hex(&m.name) }
            )
        })
        .collect();
    let decide = |idempotent, retry_after| {
        code.map_or_else(
            || "r0a0n0".to_owned(),
            |c| {
                let (again, after, fresh) = decision(model, c.retry, idempotent, retry_after);
                format!("r{}a{after}n{}", u8::from(again), u8::from(fresh))
            },
        )
    };
    let found = |hit: Option<i64>| hit.map_or_else(|| "-".to_owned(), |v| v.to_string());
    [
        system.id.clone(),
        value.to_string(),
        u8::from(code.is_some()).to_string(),
        or_dash(name),
        hex(name.unwrap_or(FALLBACK)),
        or_dash(code.map(|c| c.description.as_str())),
        hex(code.map_or(FALLBACK, |c| c.description.as_str())),
        hex(&shown(system, value)),
        hex(&described(system, value)),
        code.map_or("-".to_owned(), |c| vocab.categories[c.category].id.clone()),
        code.map_or("-".to_owned(), |c| vocab.retries[c.retry].id.clone()),
        code.map_or("-".to_owned(), |c| vocab.statuses[c.status].id.clone()),
        group.map_or("-".to_owned(), |g| g.id.clone()),
        bits(system.groups.iter().map(|g| g.min <= value && value <= g.max).collect()),
        bits(system.flags.iter().enumerate().map(|(i, _)| code.is_some_and(|c| c.flags[i])).collect()),
        u8::from(system.retired_code(value).is_some()).to_string(),
        found(code.map(|c| c.value)),
        if meanings.is_empty() { "-".to_owned() } else { meanings.join(",") },
        decide(true, None),
        decide(false, Some(120)),
        found(name.and_then(|n| forgiving(system, n))),
        found(name.and_then(|n| conformance::by_name(system, n))),
    ]
    .join("\t")
}

/// The C++ function that prints `probe_line` for a value of `system`.
fn probe_function(system: &System) -> String {
    let ns = format!("netcodes::{}", system.id);
    let ty = code_type(system);
    let bits = |functions: Vec<String>| {
        if functions.is_empty() {
            "    text(\"-\");\n".to_owned()
        } else {
            functions.iter().map(|f| format!("    std::printf(\"%d\", {ns}::{f}(c) ? 1 : 0);\n")).collect()
        }
    };
    let mut body = format!(
        "static void probe_{id}(long long v) {{\n    const auto c = static_cast<{ty}>(v);\n    \
         std::printf(\"{id}\\t%lld\\t%d\", v, netcodes::is_known(c) ? 1 : 0);\n    \
         tab(); hex(netcodes::name(c)); tab(); hex(netcodes::name_or(c, FALLBACK));\n    \
         tab(); hex(netcodes::description(c)); tab(); hex(netcodes::description_or(c, FALLBACK));\n    \
         tab(); hex(netcodes::to_string(c)); tab(); hex(netcodes::describe(c));\n    \
         tab(); text(netcodes::category(c) ? netcodes::id(*netcodes::category(c)) : \"-\");\n    \
         tab(); text(netcodes::retry(c) ? netcodes::id(*netcodes::retry(c)) : \"-\");\n    \
         tab(); text(netcodes::status(c) ? netcodes::id(*netcodes::status(c)) : \"-\");\n    \
         tab(); text(netcodes::group(c) ? id(*netcodes::group(c)) : \"-\");\n    tab();\n",
        id = system.id
    );
    body += &bits(system.groups.iter().map(|g| g.method.clone()).collect());
    body += "    tab();\n";
    body += &bits(system.flags.iter().map(|f| f.method.clone()).collect());
    body += &format!(
        "    tab(); std::printf(\"%d\", netcodes::is_retired(c) ? 1 : 0);\n    \
         tab(); number({ns}::lookup(v));\n    tab();\n    \
         const auto meanings = netcodes::meanings(c);\n    if (meanings.empty()) {{ text(\"-\"); }}\n    \
         for (std::size_t i = 0; i < meanings.size(); ++i) {{\n        \
         if (i > 0) {{ text(\",\"); }}\n        text(meanings[i].ident); text(\"/\"); text(meanings[i].source); text(\"/\"); hex(meanings[i].name);\n    }}\n    \
         tab(); decision(netcodes::retry_decision(c, true));\n    tab(); decision(netcodes::retry_decision(c, false, 120u));\n    \
         const std::string_view name = netcodes::name(c);\n    \
         tab(); number(name.empty() ? std::nullopt : {ns}::from_name(name));\n    \
         tab(); number(name.empty() ? std::nullopt : {ns}::from_exact_name(name));\n    \
         std::putchar('\\n');\n}}\n\n"
    );
    body
}

const READER_PRELUDE: &str = "#include <cstdio>\n#include <optional>\n#include <string_view>\n\n#include \"netcodes.hpp\"\n\n\
    static constexpr std::string_view FALLBACK = \"(unknown)\";\n\n\
    static void tab() { std::putchar('\\t'); }\n\n\
    static void text(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }\n\n\
    static void hex(std::string_view s) {\n    if (s.empty()) { text(\"-\"); return; }\n    \
    for (const char c : s) { std::printf(\"%02x\", static_cast<unsigned>(static_cast<unsigned char>(c))); }\n}\n\n\
    template <typename Code>\nstatic void number(std::optional<Code> code) {\n    \
    if (code) { std::printf(\"%lld\", static_cast<long long>(*code)); } else { text(\"-\"); }\n}\n\n\
    static void decision(netcodes::RetryDecision d) {\n    \
    std::printf(\"r%da%un%d\", d.retry ? 1 : 0, static_cast<unsigned>(d.after), d.new_connection ? 1 : 0);\n}\n\n";

#[test]
fn every_code_and_the_values_around_each_system_read_back_as_data_says_under_sanitizers() {
    let model = model();
    let mut program = READER_PRELUDE.to_owned();
    let mut main = String::from("int main() {\n");
    let mut expected = Vec::new();
    let mut queries = 0;
    for system in &model.systems {
        program += &probe_function(system);
        let values = probe_values(system);
        let literals: Vec<String> = values.iter().map(|v| format!("{v}LL")).collect();
        let _ =
            writeln!(main, "    for (const long long v : {{{}}}) {{ probe_{}(v); }}", literals.join(", "), system.id);
        expected.extend(values.iter().map(|&v| probe_line(&model, system, v)));
        // The name lookups, for every name in other cases, padded, behind each prefix, and misses.
        let ns = format!("netcodes::{}", system.id);
        let lookups = std::iter::once(format!("{ns}::from_exact_name(q)"))
            .chain(std::iter::once(format!("{ns}::from_name(q)")))
            .chain(system.name_alias.iter().map(|alias| format!("{ns}::from_{alias}(q)")));
        let prints: String = lookups.map(|f| format!(" tab(); number({f});")).collect();
        let list: Vec<String> = name_queries(system).iter().map(|q| c_string(q)).collect();
        let _ = writeln!(
            main,
            "    for (const std::string_view q : {{{}}}) {{ text(\"{id} name \"); hex(q);{prints} std::putchar('\\n'); }}",
            list.join(", "),
            id = system.id
        );
        for query in name_queries(system) {
            queries += 1;
            let found = |hit: Option<i64>| hit.map_or_else(|| "-".to_owned(), |v| v.to_string());
            let mut line = format!(
                "{} name {}\t{}\t{}",
                system.id,
                if query.is_empty() { "-".to_owned() } else { hex(&query) },
                found(conformance::by_name(system, &query)),
                found(forgiving(system, &query))
            );
            if system.name_alias.is_some() {
                line += &format!("\t{}", found(forgiving(system, &query)));
            }
            expected.push(line);
        }
    }
    main += "    return 0;\n}\n";
    program += &main;

    let dir = scratch_dir("cpp_header_readback");
    let source = dir.join("readback.cpp");
    std::fs::write(&source, &program).expect("write the reader");
    let sanitize =
        ["-O1", "-g", "-fno-omit-frame-pointer", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"];
    for (compiler, std) in [("g++", "c++17"), ("clang++", "c++20")] {
        let binary = dir.join(format!("readback-{compiler}"));
        must_compile(compiler, std, &sanitize, &source, &binary);
        assert_lines(
            &format!("netcodes.hpp built by {compiler} -std={std} with ASan and UBSan"),
            &run_quietly(&binary),
            &expected,
        );
    }
    let header = std::fs::read_to_string(header_dir().join("netcodes.hpp")).expect("read netcodes.hpp");
    assert!(header.contains("Unknown codes print something"), "the header no longer says what unknown codes print");
    println!(
        "{} values of {} systems read back (22 answers each: names, fallbacks, to_string, describe, classes, groups, flags, meanings, retry decisions, name lookups) and {queries} name queries (every name in other cases, padded, behind each prefix; misses), twice (g++ C++17, clang++ C++20), sanitizers quiet",
        expected.len() - queries,
        model.systems.len()
    );
}

/// Several translation units include the header: inline variables and
/// functions link into one program without clashes, and agree.
#[test]
fn translation_units_link_into_one_program() {
    let dir = scratch_dir("cpp_header_link");
    let model = model();
    let system = &model.systems[0];
    let example = &system.codes[system.example];
    let unit = |function: &str| {
        format!(
            "#include \"netcodes.hpp\"\n\nstd::size_t {function}();\n\nstd::size_t {function}() {{\n    \
             return netcodes::name({}).size() + netcodes::to_string({}).size();\n}}\n",
            code_expr(system, example.value),
            code_expr(system, example.value)
        )
    };
    let mut objects = Vec::new();
    for (file, function, compiler, std) in [("a.cpp", "unit_a", "g++", "c++17"), ("b.cpp", "unit_b", "g++", "c++20")] {
        let source = dir.join(file);
        std::fs::write(&source, unit(function)).expect("write a unit");
        let object = dir.join(format!("{file}.o"));
        must_compile(compiler, std, &["-c"], &source, &object);
        objects.push(object);
    }
    let main = dir.join("main.cpp");
    std::fs::write(
        &main,
        "#include <cstdio>\n#include \"netcodes.hpp\"\n\nstd::size_t unit_a();\nstd::size_t unit_b();\n\n\
         int main() {\n    std::printf(\"%d\\n\", unit_a() == unit_b() ? 1 : 0);\n    return 0;\n}\n",
    )
    .expect("write main");
    let main_object = dir.join("main.o");
    must_compile("g++", "c++17", &["-c"], &main, &main_object);
    let program = dir.join("linked");
    run(Command::new("g++").args(&objects).arg(&main_object).arg("-o").arg(&program));
    assert_eq!(run_quietly(&program), "1\n");
}

// ---------------------------------------------------------------------------
// Qt: the overloads for Qt's enum, against Qt 6's real headers

/// Qt's include flags, as system directories (Qt's own headers are not ours to warn about).
fn qt_flags(libs: bool) -> Vec<String> {
    require_tool("pkg-config", INSTALL);
    let what = if libs { "--libs" } else { "--cflags" };
    let flags = stdout(Command::new("pkg-config").args([what, "Qt6Network"]));
    flags
        .split_whitespace()
        .map(|f| f.strip_prefix("-I").map_or_else(|| f.to_owned(), |dir| format!("-isystem{dir}")))
        .collect()
}

/// A C++ source that includes Qt's headers and netcodes.hpp in `order` and
/// asserts, for every system with a Qt enum, that every Qt enumerator is
/// the code of the same name and that the overloads answer as the codes do.
fn qt_overloads(model: &Model, order: &str) -> (String, usize) {
    let includes = match order {
        "qt-first" => "#include <QtCore/QDebug>\n#include <QtNetwork/QNetworkReply>\n#include \"netcodes.hpp\"\n",
        _ => {
            "#include \"netcodes.hpp\"\n#include <QtCore/QDebug>\n#include <QtNetwork/QNetworkReply>\n#include \"netcodes.hpp\"\n"
        }
    };
    let mut out = format!(
        "// Generated by tests/cpp_header.rs: netcodes.hpp's Qt overloads ({order}).\n{includes}#include \"netcodes.h\"\n\n"
    );
    let mut count = 0;
    for system in model.systems.iter().filter(|s| s.qt_enum.is_some()) {
        let qt = system.qt_enum.as_ref().expect("filtered");
        let ns = format!("netcodes::{}", system.id);
        for code in system.codes.iter().filter(|c| c.primary) {
            let q = format!("{}::{}", qt.ty, code.upstream_name);
            let c = format!("{}::{}", code_type(system), code.ident);
            let mut conditions = vec![
                format!("{ns}::from_qt_enum({q}) == {c}"),
                format!("{ns}::to_qt_enum({c}) == {q}"),
                format!("static_cast<long long>({q}) == {}LL", code.value),
                format!("netcodes::name({q}) == {}", c_string(&code.name)),
                format!("netcodes::description({q}) == netcodes::description({c})"),
                format!("netcodes::name_or({q}, \"?\") == netcodes::name_or({c}, \"?\")"),
                format!("netcodes::description_or({q}, \"?\") == netcodes::description_or({c}, \"?\")"),
                format!("netcodes::value({q}) == netcodes::value({c})"),
                format!("netcodes::is_known({q}) && !netcodes::is_retired({q})"),
                format!("netcodes::category({q}) == netcodes::category({c})"),
                format!("netcodes::retry({q}) == netcodes::retry({c})"),
                format!("netcodes::status({q}) == netcodes::status({c})"),
                format!("netcodes::group({q}) == netcodes::group({c})"),
                format!("netcodes::meanings({q}).size() == netcodes::meanings({c}).size()"),
                format!("netcodes::retry_decision({q}, true) == netcodes::retry_decision({c}, true)"),
                format!("netcodes::retry_decision({q}, false, 30u) == netcodes::retry_decision({c}, false, 30u)"),
            ];
            conditions.extend(system.groups.iter().map(|g| format!("{ns}::{m}({q}) == {ns}::{m}({c})", m = g.method)));
            conditions.extend(system.flags.iter().map(|f| format!("{ns}::{m}({q}) == {ns}::{m}({c})", m = f.method)));
            for mapping in model.mappings.iter().filter(|m| std::ptr::eq(&model.systems[m.from], system)) {
                let f = format!("netcodes::{}::{}", model.systems[mapping.to].id, mapping.function);
                conditions
                    .push(format!("{f}({q}) == {f}({c}) && {f}_rule({q}).has_value() == {f}_rule({c}).has_value()"));
            }
            for condition in conditions {
                count += 1;
                let _ = writeln!(out, "static_assert({condition}, {});", c_string(&code.upstream_name));
            }
        }
    }
    // The logging helpers, at run time.
    out.push_str("\n#include <cstdio>\n\nint main() {\n");
    for system in model.systems.iter().filter(|s| s.qt_enum.is_some()) {
        let qt = system.qt_enum.as_ref().expect("filtered");
        let code = &system.codes[system.example];
        let q = format!("{}::{}", qt.ty, code.upstream_name);
        let c = format!("{}::{}", code_type(system), code.ident);
        let _ = write!(
            out,
            "    std::printf(\"%s\\n\", qPrintable(netcodes::to_qstring({q})));\n    \
             std::printf(\"%s\\n\", qPrintable(netcodes::to_qstring(netcodes::describe({q}))));\n    \
             std::printf(\"%s\\n\", qPrintable(QString(netcodes::to_latin1(netcodes::id(*netcodes::category({q}))))));\n    \
             {{\n        QString logged;\n        QDebug(&logged) << {c} << static_cast<{ty}>({unknown}LL);\n        \
             std::printf(\"%s\\n\", qPrintable(logged.trimmed()));\n    }}\n    \
             std::printf(\"%s\\n\", qPrintable(netcodes::to_qstring(static_cast<{qty}>({unknown}))));\n",
            ty = code_type(system),
            qty = qt.ty,
            unknown = unknown_value(system),
        );
    }
    out.push_str("    return 0;\n}\n");
    (out, count)
}

/// The first value of the system's range that is no code; for a range that
/// every code fills (Qt's Operation, 0 to 6), the value just past it.
fn unknown_value(system: &System) -> i64 {
    (system.min..=system.max)
        .find(|&v| system.primary(v).is_none() && system.retired_code(v).is_none())
        .or_else(|| Some(system.max + 1).filter(|&v| v <= system.int_type.range().1))
        .expect("a system's range, or the value after it, has room for a code netcodes does not know")
}

/// What the run-time part of `qt_overloads` prints.
fn qt_overloads_output(model: &Model) -> Vec<String> {
    let mut lines = Vec::new();
    for system in model.systems.iter().filter(|s| s.qt_enum.is_some()) {
        let code = &system.codes[system.example];
        let unknown = unknown_value(system);
        lines.push(shown(system, code.value));
        lines.push(code.description.clone());
        lines.push(model.vocabulary.categories[code.category].id.clone());
        lines.push(format!("{} {}", shown(system, code.value), shown(system, unknown)));
        lines.push(shown(system, unknown));
    }
    lines
}

#[test]
fn qt_overloads_take_qnetworkreply_errors_in_either_include_order() {
    let model = model();
    assert!(model.systems.iter().any(|s| s.qt_enum.is_some()), "no system of data/ names a Qt enum (cpp_qt_enum)");
    let dir = scratch_dir("cpp_header_qt");
    let cflags = qt_flags(false);
    let mut compiled = 0;
    let mut asserted = 0;
    for order in ["qt-first", "netcodes-first"] {
        let (source_text, count) = qt_overloads(&model, order);
        asserted = count;
        let source = dir.join(format!("{order}.cpp"));
        std::fs::write(&source, source_text).expect("write the Qt source");
        std::thread::scope(|scope| {
            for &(compiler, std) in MATRIX {
                let (source, dir, cflags) = (&source, &dir, &cflags);
                scope.spawn(move || {
                    let mut extra: Vec<&str> = vec!["-c", "-fPIC"];
                    extra.extend(cflags.iter().map(String::as_str));
                    must_compile(compiler, std, &extra, source, &dir.join(format!("{order}-{compiler}-{std}.o")));
                });
            }
        });
        compiled += MATRIX.len();
    }
    // Linked and run once: the QString, QLatin1StringView and QDebug helpers.
    let source = dir.join("qt-first.cpp");
    let binary = dir.join("qt-helpers");
    let mut extra: Vec<String> = vec!["-fPIC".to_owned()];
    extra.extend(qt_flags(false));
    let mut command = Command::new("g++");
    command
        .arg("-std=c++17")
        .args(warnings())
        .args(&extra)
        .arg("-I")
        .arg(header_dir())
        .arg(&source)
        .arg("-o")
        .arg(&binary);
    command.args(qt_flags(true));
    run(&mut command);
    let expected = qt_overloads_output(&model);
    assert_lines("the Qt helpers of netcodes.hpp", &run_quietly(&binary), &expected);
    println!(
        "{asserted} static_asserts on Qt's enumerators and the overloads, {compiled} builds (Qt first, netcodes.hpp first and again; g++ and clang++, C++17 and C++20), the QString/QDebug helpers run"
    );
}

// ---------------------------------------------------------------------------
// The Qt example, built with the CMake package four ways and through pkg-config

fn example_source() -> PathBuf {
    repo_root().join("tests/cpp/example/main.cpp")
}

/// Checks every line the example logged against data/; returns how many.
fn check_example_log(model: &Model, log: &str) -> usize {
    let qt = conformance::system(model, "qt");
    let chromium = conformance::system(model, "chromium");
    let mut lines = log.lines().peekable();
    let (mut page_loads, mut requests, mut protocol_unknown) = (0, 0, false);
    while let Some(line) = lines.next() {
        if let Some(rest) = line.strip_prefix("page load failed: ") {
            let (shown_as, description) = rest.split_once(" - ").unwrap_or_else(|| panic!("unexpected line {line:?}"));
            let value = shown_as
                .parse::<i64>()
                .ok()
                .or_else(|| conformance::by_name(chromium, shown_as))
                .unwrap_or_else(|| panic!("{shown_as:?} is no chromium code: {line:?}"));
            assert_eq!(shown_as, shown(chromium, value), "{line:?}");
            assert_eq!(description, described(chromium, value), "{line:?}");
            page_loads += 1;
        } else if let Some(rest) = line.strip_prefix("request failed: ") {
            let (name, description) = rest.split_once(" - ").unwrap_or_else(|| panic!("unexpected line {line:?}"));
            let code = qt.primary_codes().find(|c| c.name == name).unwrap_or_else(|| panic!("{name:?} is no Qt code"));
            assert_eq!(description, code.description, "{line:?}");
            // A GET is idempotent, and the failures carry no Retry-After.
            let expected = match decision(model, code.retry, true, None) {
                (false, _, _) => "  do not retry".to_owned(),
                (true, after, true) => format!("  retry in {after} s on a new connection"),
                (true, after, false) => format!("  retry in {after} s"),
            };
            assert_eq!(lines.next(), Some(expected.as_str()), "the retry decision after {line:?}");
            protocol_unknown |= name == "ProtocolUnknownError";
            requests += 1;
        } else {
            panic!("the example logged a line nothing in data/ explains: {line:?}\n{log}");
        }
    }
    assert_eq!((page_loads, requests), (2, 2), "the example logs two page loads and two requests:\n{log}");
    assert!(protocol_unknown, "Qt's answer for a scheme it has no handler for is ProtocolUnknownError (301):\n{log}");
    log.lines().count()
}

/// Configures `project` with the strict warnings as errors (and `defines`),
/// builds it, runs the example, and checks what it logs.
fn build_and_run_example(project: &Path, build: &Path, defines: &[String], env: &[(&str, &Path)]) -> usize {
    require_tool("cmake", INSTALL);
    require_tool("make", INSTALL);
    let mut configure = Command::new("cmake");
    configure
        .arg("-S")
        .arg(project)
        .arg("-B")
        .arg(build)
        .arg("-DCMAKE_BUILD_TYPE=Debug")
        .arg("-DCMAKE_COMPILE_WARNING_AS_ERROR=ON")
        .arg(format!(
            "-DCMAKE_CXX_FLAGS={}",
            warnings().filter(|w| *w != "-Werror").collect::<Vec<_>>().join(" ")
        ))
        .args(defines);
    for (key, value) in env {
        configure.env(key, value);
    }
    let output = run(&mut configure);
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(!log.contains("CMake Warning"), "configuring {} warns:\n{log}", project.display());
    run(Command::new("cmake").arg("--build").arg(build).arg("--parallel"));
    let output = run(Command::new(build.join("netcodes_cpp_example")).env_remove("QT_MESSAGE_PATTERN"));
    let log = String::from_utf8(output.stderr).expect("the example logs UTF-8");
    check_example_log(&model(), &log)
}

/// `cmake --install` of the checkout into a fresh prefix.
fn install_into(prefix: &Path, build: &Path) {
    require_tool("cmake", INSTALL);
    let output = run(Command::new("cmake").arg("-S").arg(repo_root()).arg("-B").arg(build));
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(!log.contains("CMake Warning"), "configuring netcodes warns:\n{log}");
    run(Command::new("cmake").arg("--install").arg(build).arg("--prefix").arg(prefix));
    for file in [
        "include/netcodes.h",
        "include/netcodes.hpp",
        "share/cmake/netcodes/netcodes-config.cmake",
        "share/cmake/netcodes/netcodes-config-version.cmake",
        "share/pkgconfig/netcodes.pc",
    ] {
        assert!(prefix.join(file).is_file(), "cmake --install did not install {file}");
    }
}

fn route(name: &str) -> PathBuf {
    repo_root().join("tests/cpp").join(name)
}

#[test]
fn cmake_add_subdirectory_of_the_checkout() {
    let dir = scratch_dir("cpp_cmake_add_subdirectory");
    let define = format!("-DNETCODES_SOURCE_DIR={}", repo_root().display());
    let lines = build_and_run_example(&route("add_subdirectory"), &dir.join("build"), &[define], &[]);
    // The folder generated/c is a package on its own.
    let define = format!("-DNETCODES_SOURCE_DIR={}", header_dir().display());
    let alone = build_and_run_example(&route("add_subdirectory"), &dir.join("build-generated-c"), &[define], &[]);
    println!("add_subdirectory: the checkout ({lines} log lines) and generated/c alone ({alone}), each equal to data/");
}

#[test]
fn cmake_fetchcontent_from_a_path_and_from_a_git_url() {
    let dir = scratch_dir("cpp_cmake_fetchcontent");
    let define = format!("-DNETCODES_SOURCE_DIR={}", repo_root().display());
    let lines = build_and_run_example(&route("fetchcontent"), &dir.join("build-path"), &[define], &[]);

    // A git repository of what a clone of netcodes holds for CMake (the
    // working tree's files, so the test sees uncommitted changes too).
    require_tool("git", INSTALL);
    let repo = dir.join("netcodes.git");
    std::fs::create_dir_all(repo.join("generated/c")).expect("create the repository");
    std::fs::copy(repo_root().join("CMakeLists.txt"), repo.join("CMakeLists.txt")).expect("copy CMakeLists.txt");
    for entry in std::fs::read_dir(header_dir()).expect("read generated/c") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, repo.join("generated/c").join(path.file_name().expect("a file"))).expect("copy");
    }
    let git = |args: &[&str]| {
        stdout(
            Command::new("git")
                .arg("-C")
                .arg(&repo)
                .args(["-c", "user.name=netcodes tests", "-c", "user.email=tests@netcodes.invalid"])
                .args(args),
        )
    };
    git(&["init", "--quiet"]);
    git(&["add", "."]);
    git(&["commit", "--quiet", "-m", "netcodes for FetchContent"]);
    let commit = git(&["rev-parse", "HEAD"]);
    let defines = [
        format!("-DNETCODES_GIT_REPOSITORY=file://{}", repo.display()),
        format!("-DNETCODES_GIT_TAG={}", commit.trim()),
    ];
    let git_lines = build_and_run_example(&route("fetchcontent"), &dir.join("build-git"), &defines, &[]);
    println!(
        "FetchContent: from a path ({lines} log lines) and from file://{} ({git_lines} log lines), each equal to data/",
        repo.display()
    );
}

#[test]
fn cmake_find_package_after_install_with_a_version_check() {
    let model = model();
    let dir = scratch_dir("cpp_cmake_find_package");
    let prefix = dir.join("prefix");
    install_into(&prefix, &dir.join("netcodes-build"));
    let defines =
        [format!("-DCMAKE_PREFIX_PATH={}", prefix.display()), format!("-DNETCODES_VERSION={}", model.version)];
    let lines = build_and_run_example(&route("find_package"), &dir.join("build"), &defines, &[]);

    // The version file: a later incompatible release is refused.
    let parts: Vec<u64> = model.version.split('.').map(|p| p.parse().expect("a number")).collect();
    let incompatible = if parts[0] == 0 { format!("0.{}.0", parts[1] + 1) } else { format!("{}.0.0", parts[0] + 1) };
    let output = Command::new("cmake")
        .arg("-S")
        .arg(route("find_package"))
        .arg("-B")
        .arg(dir.join("build-incompatible"))
        .arg(format!("-DCMAKE_PREFIX_PATH={}", prefix.display()))
        .arg(format!("-DNETCODES_VERSION={incompatible}"))
        .output()
        .expect("run cmake");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success() && log.contains("compatible with requested version") && log.contains(&model.version),
        "find_package(netcodes {incompatible}) accepted {}:\n{log}",
        model.version
    );
    println!("find_package: installed, built, {lines} log lines equal to data/; version {incompatible} refused");
}

#[test]
fn the_copied_header_alone() {
    let dir = scratch_dir("cpp_cmake_copy");
    let project = dir.join("project");
    std::fs::create_dir_all(project.join("third_party/netcodes")).expect("create the project");
    std::fs::copy(route("copy").join("CMakeLists.txt"), project.join("CMakeLists.txt")).expect("copy CMakeLists.txt");
    std::fs::copy(example_source(), project.join("main.cpp")).expect("copy main.cpp");
    std::fs::copy(header_dir().join("netcodes.hpp"), project.join("third_party/netcodes/netcodes.hpp"))
        .expect("copy the header");
    let lines = build_and_run_example(&project, &dir.join("build"), &[], &[]);
    println!("the copied netcodes.hpp: built, {lines} log lines equal to data/");
}

#[test]
fn pkg_config_after_install() {
    require_tool("pkg-config", INSTALL);
    let model = model();
    let dir = scratch_dir("cpp_pkg_config");
    let prefix = dir.join("prefix");
    install_into(&prefix, &dir.join("netcodes-build"));
    let pc_dir = prefix.join("share/pkgconfig");
    let pkg_config = |args: &[&str]| stdout(Command::new("pkg-config").args(args).env("PKG_CONFIG_PATH", &pc_dir));
    assert_eq!(pkg_config(&["--modversion", "netcodes"]).trim(), model.version);
    let cflags = pkg_config(&["--cflags", "netcodes"]);
    let include = cflags.trim().strip_prefix("-I").unwrap_or_else(|| panic!("--cflags is not one -I: {cflags:?}"));
    let include = std::fs::canonicalize(include).expect("the include directory exists");
    assert_eq!(include, std::fs::canonicalize(prefix.join("include")).expect("prefix/include"));

    // A program built with nothing but what pkg-config says.
    let source = dir.join("main.cpp");
    std::fs::write(&source, "#include <netcodes.h>\n#include <netcodes.hpp>\n\nint main() {\n    return netcodes::version == NETCODES_VERSION_STRING ? 0 : 1;\n}\n")
        .expect("write the program");
    let binary = dir.join("pc-program");
    let mut command = Command::new("g++");
    command.arg("-std=c++17").args(warnings()).args(cflags.split_whitespace()).arg(&source).arg("-o").arg(&binary);
    run(&mut command);
    run_quietly(&binary);

    // And the Qt example through CMake's pkg_check_modules.
    let lines = build_and_run_example(&route("pkg-config"), &dir.join("build"), &[], &[("PKG_CONFIG_PATH", &pc_dir)]);
    println!(
        "pkg-config: --modversion {}, --cflags -I<prefix>/include, a program and the Qt example ({lines} log lines) built with it",
        model.version
    );
}

/// The README's Qt example is the program these tests build.
#[test]
fn the_readme_shows_the_example_that_is_built() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).expect("read README.md");
    let example = std::fs::read_to_string(example_source()).expect("read the example");
    let section = readme.split("## Use it in a Qt/CMake project").nth(1).expect("the README has the section");
    let section = section.split("\n## ").next().expect("a section");
    let blocks: Vec<&str> = section.split("```cpp\n").skip(1).filter_map(|b| b.split("```\n").next()).collect();
    assert!(blocks.contains(&example.as_str()), "README.md's Qt example is not tests/cpp/example/main.cpp");
}
