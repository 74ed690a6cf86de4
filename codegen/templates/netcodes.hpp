// {{ notice }}
//
// netcodes.hpp: network error and status codes for C++17 and later.
//
// One header, nothing to build or link, nothing needed but the standard
// library. It stands alone (it does not include netcodes.h, the C header),
// and both can be used in one program. Everything is in namespace netcodes:
//
//   - Each code system is a namespace (netcodes::qt, netcodes::http, ...) with
//     an enum class of its codes, whose underlying type holds every value the
//     system can carry: a value netcodes does not know (one from a newer
//     upstream, say) is never an error to pass in.
//   - Every lookup is constexpr and noexcept. Text comes back as a
//     std::string_view into static storage (UTF-8, never null-terminated by
//     contract); other answers as std::optional.
//   - The per-code functions (value, is_known, name, name_or, description,
//     description_or, category, retry, status, group, is_retired, meanings,
//     retry_decision, to_string, describe) are found by argument-dependent
//     lookup, name(code), and are also declared in netcodes itself,
//     netcodes::name(code), overloaded for every system.
//   - lookup(number), from_name(text) and from_exact_name(text) are per system:
//     netcodes::chromium::from_name("net::ERR_NAME_NOT_RESOLVED").
//   - A mapping lives in the namespace of the system it answers in:
//     netcodes::http::from_qt(code), and from_qt_rule(code) with the rule's
//     kind and note. The most specific rule answers: a single code before a
//     range, a narrower range before a wider one.
//
// Unknown codes print something. name(code) and description(code) are empty
// for a code netcodes does not know, and category(code) and the other
// classifications std::nullopt. So that log lines never go blank:
//   - name_or(code, fallback) and description_or(code, fallback) answer the
//     fallback instead of an empty view;
//   - to_string(code) is what the system shows for a code (its name, or its
//     number and name: "404 Not Found"), or the bare number ("98");
//   - describe(code) is the description, or "unknown <system> code <number>"
//     ("unknown qt code 98").
//
// Qt, without depending on it: include Qt's headers first (or include
// netcodes.hpp again after them), and netcodes.hpp adds
//   - with <QString>: netcodes::to_qstring(text) (UTF-8 text as a QString),
//     netcodes::to_qstring(code) (what to_string answers) and
//     netcodes::to_latin1(id) (an ASCII identifier such as a category id as a
//     QLatin1StringView, without copying);
//   - with <QDebug>: qDebug() << code for every code type;
{%- for q in qt %}
//   - with {{ q.qt_ty }} (include guard {{ q.guard }}): every function of
//     netcodes::{{ q.id }} that takes a code also takes Qt's enum, and
//     netcodes::{{ q.id }}::from_qt_enum() and to_qt_enum() convert.
{%- endfor %}
//
// Identifiers follow the API vocabulary every output shares: enumerators
// are UPPER_SNAKE (netcodes::http::Status::NOT_FOUND), types UpperCamel,
// functions lower_snake. Compiles without warnings under -Wall -Wextra -Wpedantic
// -Wconversion -Wsign-conversion -Wshadow -Wold-style-cast
// -Wzero-as-null-pointer-constant, as C++17 and C++20.
#ifndef NETCODES_HPP
#define NETCODES_HPP

#if !defined(__cplusplus) || (__cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L))
#error "netcodes.hpp needs C++17 or later; netcodes.h serves C and older C++"
#endif

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netcodes {

// The version of netcodes, and the upstream versions its tables follow.
inline constexpr int version_major = {{ version.major }};
inline constexpr int version_minor = {{ version.minor }};
inline constexpr int version_patch = {{ version.patch }};
inline constexpr std::string_view version = {{ version.literal }};
inline constexpr std::string_view data_version = {{ version.data }};
{%- for v in vocabularies %}

// {{ v.doc }}
enum class {{ v.ty }} : int {
{%- for t in v.terms %}
    {{ t }} = {{ loop.index0 }},
{%- endfor %}
};
{%- for (function, texts) in v.lookups %}

constexpr std::string_view {{ function }}({{ v.ty }} term) noexcept {
    switch (term) {
{%- for t in v.terms %}
    case {{ v.ty }}::{{ t }}: return {{ texts[loop.index0] }};
{%- endfor %}
    }
    return {};
}
{%- endfor %}
{%- endfor %}

// What to do with one failed request.
struct RetryDecision {
    // Send the request again.
    bool retry;
    // Wait at least this many seconds first (0 when retry is false).
    std::uint32_t after;
    // Send it on a new connection, not on the one that failed.
    bool new_connection;
};

constexpr bool operator==(RetryDecision a, RetryDecision b) noexcept {
    return a.retry == b.retry && a.after == b.after && a.new_connection == b.new_connection;
}

constexpr bool operator!=(RetryDecision a, RetryDecision b) noexcept {
    return !(a == b);
}

namespace detail {

constexpr RetryDecision decide(bool retry, std::uint32_t delay, bool new_connection,
                               std::optional<std::uint32_t> retry_after) noexcept {
    if (!retry) {
        return RetryDecision{false, 0u, false};
    }
    const std::uint32_t wait = retry_after.value_or(0u);
    return RetryDecision{true, wait > delay ? wait : delay, new_connection};
}

} // namespace detail

// Whether to send a failed request again, for a retry class. `idempotent`:
// the request is safe to repeat; `retry_after`: the seconds of a Retry-After
// header, if the response had one. Waits at least the class's delay, and
// with Retry-After the longer of the two.
constexpr RetryDecision retry_decision(Retry retry, bool idempotent,
                                       std::optional<std::uint32_t> retry_after = std::nullopt) noexcept {
    static_cast<void>(idempotent);
    switch (retry) {
{%- for d in decisions %}
    case Retry::{{ d.term }}: return detail::decide({{ d.retry }}, {{ d.delay }}u, {{ d.new_connection }}, retry_after);
{%- endfor %}
    }
    return RetryDecision{false, 0u, false};
}

// A read-only run of table rows: what meanings() answers.
template <typename T>
class Slice {
public:
    constexpr Slice() noexcept = default;
    constexpr Slice(const T *first, std::size_t count) noexcept : first_(first), count_(count) {}
    constexpr const T *begin() const noexcept { return first_; }
    constexpr const T *end() const noexcept { return first_ + count_; }
    constexpr std::size_t size() const noexcept { return count_; }
    constexpr bool empty() const noexcept { return count_ == 0u; }
    constexpr const T &operator[](std::size_t i) const noexcept { return first_[i]; }

private:
    const T *first_ = nullptr;
    std::size_t count_ = 0u;
};

// One meaning of one code: everything the lookups answer.
template <typename Code>
struct Meaning {
    Code code;
    // The enumerator's name: NOT_FOUND, NGINX_CLIENT_CLOSED_REQUEST.
    std::string_view ident;
    // As upstream spells it; empty for a meaning whose source documents no name.
    std::string_view name;
    std::string_view description;
    Category category;
    Retry retry;
    CodeStatus status;
    // Who gives the number this meaning: the system's upstream, or a vendor ("nginx").
    std::string_view source;
    // The upstream version that introduced the code; empty where not documented.
    std::string_view since;
    // The specification or document that defines the code; may be empty.
    std::string_view reference;
    // Bit i is the system's i-th flag.
    std::uint32_t flags;
    // How many meanings the number has.
    std::uint32_t meaning_count;
};

// One rule of a mapping table.
template <typename Code>
struct Rule {
    // The code of the target system.
    Code to;
    MappingKind kind;
    // Why, in netcodes' words; empty where the table gives none.
    std::string_view note;
};

namespace detail {

// A name and the code it leads to: the tables behind from_name().
template <typename Code>
struct Name {
    std::string_view text;
    Code code;
};

constexpr bool is_space(char c) noexcept {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

constexpr char lower(char c) noexcept {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr std::string_view trim(std::string_view text) noexcept {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1u);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1u);
    }
    return text;
}

// Byte-wise order of a lower-case table name and a query whose ASCII
// letters are folded to lower case as they are compared.
constexpr int compare_folded(std::string_view folded, std::string_view query) noexcept {
    const std::size_t common = folded.size() < query.size() ? folded.size() : query.size();
    for (std::size_t i = 0u; i < common; ++i) {
        const auto a = static_cast<unsigned char>(folded[i]);
        const auto b = static_cast<unsigned char>(lower(query[i]));
        if (a != b) {
            return a < b ? -1 : 1;
        }
    }
    return folded.size() == query.size() ? 0 : folded.size() < query.size() ? -1 : 1;
}

// `text` without the first of `prefixes` it starts with, ignoring ASCII case.
template <std::size_t N>
constexpr std::string_view strip_prefix(std::string_view text, const std::array<std::string_view, N> &prefixes) noexcept {
    for (const std::string_view prefix : prefixes) {
        std::size_t i = 0u;
        while (i < prefix.size() && i < text.size() && lower(text[i]) == lower(prefix[i])) {
            ++i;
        }
        if (i == prefix.size()) {
            return text.substr(prefix.size());
        }
    }
    return text;
}

// Binary search of a name table: sorted by bytes, or (folded) in ASCII lower
// case and compared ignoring the query's case.
template <typename Code, std::size_t N>
constexpr std::optional<Code> find_name(const std::array<Name<Code>, N> &table, std::string_view query,
                                        bool folded) noexcept {
    std::size_t lo = 0u;
    std::size_t hi = N;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2u;
        const int order = folded ? compare_folded(table[mid].text, query) : table[mid].text.compare(query);
        if (order == 0) {
            return table[mid].code;
        }
        if (order < 0) {
            lo = mid + 1u;
        } else {
            hi = mid;
        }
    }
    return std::nullopt;
}

// The row of a number: a range check and one load.
template <typename Code, std::size_t N, std::size_t M>
constexpr const Meaning<Code> *find_dense(const std::array<Meaning<Code>, N> &rows,
                                          const std::array<std::int32_t, M> &index, long long min, long long max,
                                          long long number) noexcept {
    if (number < min || number > max) {
        return nullptr;
    }
    const std::int32_t at = index[static_cast<std::size_t>(number - min)];
    return at < 0 ? nullptr : &rows[static_cast<std::size_t>(at)];
}

// The primary row of a number: binary search of rows sorted by value.
template <typename Code, std::size_t N>
constexpr const Meaning<Code> *find_sorted(const std::array<Meaning<Code>, N> &rows, long long number) noexcept {
    std::size_t lo = 0u;
    std::size_t hi = N;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2u;
        if (static_cast<long long>(rows[mid].code) < number) {
            lo = mid + 1u;
        } else {
            hi = mid;
        }
    }
    return lo < N && static_cast<long long>(rows[lo].code) == number ? &rows[lo] : nullptr;
}

} // namespace detail
{%- for s in systems %}

// ---------------------------------------------------------------------------
// netcodes::{{ s.id }} (data/{{ s.id }})

namespace {{ s.id }} {

// Every meaning's identifier, with upstream's value.
enum class {{ s.ty }} : {{ s.int }} {
{%- for (ident, value) in s.enumerators %}
    {{ ident }} = {{ value }},
{%- endfor %}
};

// The value ranges upstream documents.
enum class Group : int {
{%- for g in s.groups %}
    {{ g.upper }} = {{ loop.index0 }},
{%- endfor %}
};
{%- for text in s.group_texts %}

// {{ text.comment }}
constexpr std::string_view {{ text.function }}(Group group) noexcept {
    switch (group) {
{%- for (upper, literal) in text.answers %}
    case Group::{{ upper }}: return {{ literal }};
{%- endfor %}
    }
    return {};
}
{%- endfor %}

using Meaning = ::netcodes::Meaning<{{ s.ty }}>;

namespace tables {

// Every meaning, sorted by value; a value's first row is its primary meaning.
inline constexpr std::array<Meaning, {{ s.rows.len() }}> rows{
{%- if !s.rows.is_empty() %}{
{%- for r in s.rows %}
    {{ r }},
{%- endfor %}
}{%- endif %}};
{%- match s.dense %}
{%- when Some(dense) %}

// The row of each value from {{ dense.min }} to {{ dense.max }}, -1 where no code is.
inline constexpr std::array<std::int32_t, {{ dense.len }}> index{ {
{%- for line in dense.lines %}
    {{ line }},
{%- endfor %}
} };

constexpr const Meaning *row(long long number) noexcept {
    return ::netcodes::detail::find_dense(rows, index, {{ dense.min }}, {{ dense.max }}, number);
}
{%- when None %}

constexpr const Meaning *row(long long number) noexcept {
    return ::netcodes::detail::find_sorted(rows, number);
}
{%- endmatch %}

// Every exact name, sorted by bytes.
inline constexpr std::array<::netcodes::detail::Name<{{ s.ty }}>, {{ s.names.len() }}> names{
{%- if !s.names.is_empty() %}{
{%- for (name, code) in s.names %}
    {{ "{" }}{{ name }}, {{ code }}{{ "}" }},
{%- endfor %}
}{%- endif %}};

// Every name and former name in ASCII lower case, sorted by bytes.
inline constexpr std::array<::netcodes::detail::Name<{{ s.ty }}>, {{ s.folded.len() }}> folded{
{%- if !s.folded.is_empty() %}{
{%- for (name, code) in s.folded %}
    {{ "{" }}{{ name }}, {{ code }}{{ "}" }},
{%- endfor %}
}{%- endif %}};

// What people paste before a name, which from_name() strips.
inline constexpr std::array<std::string_view, {{ s.prefixes.len() }}> prefixes{
{%- if !s.prefixes.is_empty() %}{
{%- for p in s.prefixes %}
    {{ p }},
{%- endfor %}
}{%- endif %}};

} // namespace tables

// The number, as upstream defines it.
constexpr {{ s.int }} value({{ s.ty }} code) noexcept {
    return static_cast<{{ s.int }}>(code);
}

// Whether netcodes knows the code.
constexpr bool is_known({{ s.ty }} code) noexcept {
    return tables::row(static_cast<long long>(code)) != nullptr;
}

// The code with this number, if netcodes knows it.
constexpr std::optional<{{ s.ty }}> lookup(long long number) noexcept {
    const Meaning *found = tables::row(number);
    return found != nullptr ? std::optional<{{ s.ty }}>(found->code) : std::nullopt;
}

// The name as upstream spells it; empty for a code netcodes does not know.
constexpr std::string_view name({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? found->name : std::string_view();
}

// The name, or `fallback` for a code netcodes does not know (or a meaning without a name).
constexpr std::string_view name_or({{ s.ty }} code, std::string_view fallback) noexcept {
    const std::string_view text = name(code);
    return text.empty() ? fallback : text;
}

// What the code means and what to do about it; empty for a code netcodes does not know.
constexpr std::string_view description({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? found->description : std::string_view();
}

// The description, or `fallback` for a code netcodes does not know.
constexpr std::string_view description_or({{ s.ty }} code, std::string_view fallback) noexcept {
    const std::string_view text = description(code);
    return text.empty() ? fallback : text;
}

// What kind of failure the code is, if netcodes knows the code.
constexpr std::optional<Category> category({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? std::optional<Category>(found->category) : std::nullopt;
}

// Whether and how to retry, if netcodes knows the code.
constexpr std::optional<Retry> retry({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? std::optional<Retry>(found->retry) : std::nullopt;
}

// Where the code stands upstream, if netcodes knows the code.
constexpr std::optional<CodeStatus> status({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? std::optional<CodeStatus>(found->status) : std::nullopt;
}

// The documented range the value falls in, known code or not.
constexpr std::optional<Group> group({{ s.ty }} code) noexcept {
    const long long number = static_cast<long long>(code);
{%- for g in s.groups %}
    if ({{ g.condition }}) {
        return Group::{{ g.upper }};
    }
{%- endfor %}
    static_cast<void>(number);
    return std::nullopt;
}
{%- for g in s.groups %}

// Whether the value lies in the group {{ g.upper }}, known code or not.
constexpr bool {{ g.predicate }}({{ s.ty }} code) noexcept {
    const long long number = static_cast<long long>(code);
    return {{ g.condition }};
}
{%- endfor %}
{%- for (predicate, bit) in s.flags %}

// The flag {{ predicate }} of data/{{ s.id }}; false for a code netcodes does not know.
constexpr bool {{ predicate }}({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr && (found->flags & {{ bit }}u) != 0u;
}
{%- endfor %}

// Whether upstream retired the number (a removed code or a sentinel): it is
// never a current code and is never reused.
constexpr bool is_retired({{ s.ty }} code) noexcept {
{%- if s.retired.is_empty() %}
    static_cast<void>(code);
    return false;
{%- else %}
    switch (static_cast<long long>(code)) {
{%- for value in s.retired %}
    case {{ value }}:
{%- endfor %}
        return true;
    default:
        return false;
    }
{%- endif %}
}

// Every meaning of the number, the primary one first; empty for a code
// netcodes does not know.
constexpr Slice<Meaning> meanings({{ s.ty }} code) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? Slice<Meaning>(found, found->meaning_count) : Slice<Meaning>();
}

// Whether to send a request that failed with this code again (see
// netcodes::retry_decision); never for a code netcodes does not know.
constexpr RetryDecision retry_decision({{ s.ty }} code, bool idempotent,
                                       std::optional<std::uint32_t> retry_after = std::nullopt) noexcept {
    const Meaning *found = tables::row(static_cast<long long>(code));
    return found != nullptr ? ::netcodes::retry_decision(found->retry, idempotent, retry_after)
                            : RetryDecision{false, 0u, false};
}

// The code a name stands for, as people paste it: surrounding spaces,
// tabs and line breaks are ignored; then any name matches exactly
// (upstream's, the identifier, another ecosystem's); then, without a prefix
// such as Chrome's "net::", any name or former name ignoring ASCII case.
constexpr std::optional<{{ s.ty }}> from_name(std::string_view text) noexcept {
    text = ::netcodes::detail::trim(text);
    if (const auto exact = ::netcodes::detail::find_name(tables::names, text, false)) {
        return exact;
    }
    return ::netcodes::detail::find_name(tables::folded, ::netcodes::detail::strip_prefix(text, tables::prefixes), true);
}

// The code whose name (upstream's, the identifier, or another ecosystem's)
// is exactly `text`: case and spaces matter.
constexpr std::optional<{{ s.ty }}> from_exact_name(std::string_view text) noexcept {
    return ::netcodes::detail::find_name(tables::names, text, false);
}
{%- if let Some(alias) = s.name_alias %}

// The {{ alias }}: the same as name().
constexpr std::string_view {{ alias }}({{ s.ty }} code) noexcept {
    return name(code);
}

// The code with this {{ alias }}: the same as from_name().
constexpr std::optional<{{ s.ty }}> from_{{ alias }}(std::string_view text) noexcept {
    return from_name(text);
}
{%- endif %}

// What the system shows for the code{% if s.number_first %} (its number and name: "404 Not Found"){% else %} (its name){% endif %}, or the bare
// number for a code netcodes does not know: never empty.
inline std::string to_string({{ s.ty }} code) {
    const std::string_view known = name(code);
{%- if s.number_first %}
    std::string text = std::to_string(value(code));
    if (!known.empty()) {
        text += ' ';
        text.append(known.data(), known.size());
    }
    return text;
{%- else %}
    return known.empty() ? std::to_string(value(code)) : std::string(known);
{%- endif %}
}

// The description, or "unknown {{ s.id }} code <number>": never empty.
inline std::string describe({{ s.ty }} code) {
    const std::string_view known = description(code);
    return known.empty() ? std::string({{ s.unknown }}) + std::to_string(value(code)) : std::string(known);
}

} // namespace {{ s.id }}
{%- endfor %}

// ---------------------------------------------------------------------------
// Mappings (data/map/): each in the namespace of the system it answers in.
{%- for m in mappings %}

namespace {{ m.to }} {

namespace tables {

// {{ m.table_path }}, in the order rules are tried.
inline constexpr std::array<Rule<{{ m.to_ty }}>, {{ m.rules.len() }}> {{ m.function }}_rules{
{%- if !m.rules.is_empty() %}{
{%- for r in m.rules %}
    {{ r }},
{%- endfor %}
}{%- endif %}};

} // namespace tables

// The rule of {{ m.table_path }} that answers for the code, if any covers it.
constexpr std::optional<Rule<{{ m.to_ty }}>> {{ m.function }}_rule({{ m.from_ty }} code) noexcept {
    const long long number = static_cast<long long>(code);
{%- if !m.singles.is_empty() %}
    switch (number) {
{%- for (value, index) in m.singles %}
    case {{ value }}: return tables::{{ m.function }}_rules[{{ index }}];
{%- endfor %}
    default: break;
    }
{%- endif %}
{%- for (condition, index) in m.ranges %}
    if ({{ condition }}) {
        return tables::{{ m.function }}_rules[{{ index }}];
    }
{%- endfor %}
    static_cast<void>(number);
    return std::nullopt;
}

// The code {{ m.table_path }} maps the code to, if any rule covers it.
constexpr std::optional<{{ m.to_ty }}> {{ m.function }}({{ m.from_ty }} code) noexcept {
    const std::optional<Rule<{{ m.to_ty }}>> rule = {{ m.function }}_rule(code);
    return rule ? std::optional<{{ m.to_ty }}>(rule->to) : std::nullopt;
}

} // namespace {{ m.to }}
{%- endfor %}

// The per-code functions of every system, also as netcodes::name(code).
{%- for s in systems %}
using {{ s.using }};
{%- endfor %}

} // namespace netcodes

#endif // NETCODES_HPP

// ---------------------------------------------------------------------------
// Qt. Each block is compiled once the Qt header it needs has been included,
// whichever include of netcodes.hpp comes first after it.

#if defined(QSTRING_H) && !defined(NETCODES_HPP_QSTRING)
#define NETCODES_HPP_QSTRING
namespace netcodes {

// Text from netcodes (a name, a description, a note: UTF-8) as a QString.
inline QString to_qstring(std::string_view utf8) {
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

// An identifier from netcodes (a category, retry, status, group or mapping
// kind id: ASCII) as a view, without copying.
#if QT_VERSION >= QT_VERSION_CHECK(6, 4, 0)
inline QLatin1StringView to_latin1(std::string_view ascii) noexcept {
    return QLatin1StringView(ascii.data(), static_cast<qsizetype>(ascii.size()));
}
#else
inline QLatin1String to_latin1(std::string_view ascii) noexcept {
    return QLatin1String(ascii.data(), static_cast<qsizetype>(ascii.size()));
}
#endif
{%- for s in systems %}

// What to_string() answers for the code, as a QString: never empty.
inline QString to_qstring({{ s.id }}::{{ s.ty }} code) {
    return to_qstring({{ s.id }}::to_string(code));
}
{%- endfor %}

} // namespace netcodes
#endif // QSTRING_H

#if defined(QDEBUG_H) && defined(NETCODES_HPP_QSTRING) && !defined(NETCODES_HPP_QDEBUG)
#define NETCODES_HPP_QDEBUG
namespace netcodes {
{%- for s in systems %}

namespace {{ s.id }} {

// qDebug() << code: what to_string() answers, unquoted.
inline QDebug operator<<(QDebug debug, {{ s.ty }} code) {
    const QDebugStateSaver saver(debug);
    debug.noquote() << ::netcodes::to_qstring(code);
    return debug;
}

} // namespace {{ s.id }}
{%- endfor %}

} // namespace netcodes
#endif // QDEBUG_H
{%- for q in qt %}

#if defined({{ q.guard }}) && !defined({{ q.block_guard }})
#define {{ q.block_guard }}
namespace netcodes {

namespace {{ q.id }} {

// The code of Qt's enumerator: the same number.
constexpr {{ q.ty }} from_qt_enum({{ q.qt_ty }} code) noexcept {
    return static_cast<{{ q.ty }}>(code);
}

// Qt's enumerator for the code, for a value in the range upstream defines
// codes in ({{ q.min }} to {{ q.max }}).
constexpr std::optional<{{ q.qt_ty }}> to_qt_enum({{ q.ty }} code) noexcept {
    const long long number = static_cast<long long>(code);
    return number >= {{ q.min }} && number <= {{ q.max }}
               ? std::optional<{{ q.qt_ty }}>(static_cast<{{ q.qt_ty }}>(number))
               : std::nullopt;
}
{%- for f in q.forwarders %}

{{ f.specifiers }} auto {{ f.name }}({{ q.qt_ty }} code{{ f.params }}){{ f.noexcept }} {
    return {{ f.name }}(from_qt_enum(code){{ f.args }});
}
{%- endfor %}

} // namespace {{ q.id }}
{%- for (to, function) in q.mappings %}

namespace {{ to }} {

constexpr auto {{ function }}_rule({{ q.qt_ty }} code) noexcept {
    return {{ function }}_rule({{ q.id }}::from_qt_enum(code));
}

constexpr auto {{ function }}({{ q.qt_ty }} code) noexcept {
    return {{ function }}({{ q.id }}::from_qt_enum(code));
}

} // namespace {{ to }}
{%- endfor %}

using {{ q.using }};

#if defined(NETCODES_HPP_QSTRING)
inline QString to_qstring({{ q.qt_ty }} code) {
    return to_qstring({{ q.id }}::to_string({{ q.id }}::from_qt_enum(code)));
}
#endif

} // namespace netcodes
#endif // {{ q.guard }}
{%- endfor %}
