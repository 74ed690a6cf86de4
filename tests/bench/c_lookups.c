/* C lookups of netcodes.h against a plain linear scan of a table, the code
 * people write by hand:
 *
 *     struct row { int code; const char *name; const char *description; };
 *     for (i = 0; i < n; i++) if (rows[i].code == code) return rows[i].name;
 *
 * Built by tests/bench/run.sh with `cc -O2 -std=c99 -I generated/c`, run as
 * `c_lookups [rounds]`. For each system and operation it times every code
 * netcodes knows ("known", in a fixed shuffled order) and as many values it
 * does not know ("unknown"), with clock_gettime(CLOCK_MONOTONIC): each round
 * walks the whole input list enough times to take about 20 ms, the best of
 * the rounds counts. It prints one CSV line per operation:
 *
 *     system,operation,inputs,lookups,netcodes_ns,scan_ns,speedup
 *
 * The scan tables hold the same strings (the pointers netcodes returns), so
 * both sides touch the same bytes; only the search differs.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "netcodes.h"

struct row {
    int code;
    const char *name;
    const char *description;
};

struct pair {
    int from;
    int to;
};

static volatile uintptr_t sink;
static int rounds = 7;

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The hand-written versions. */
static const char *scan_name(const struct row *rows, size_t n, int code) {
    for (size_t i = 0; i < n; i++) {
        if (rows[i].code == code) {
            return rows[i].name;
        }
    }
    return NULL;
}

static const char *scan_description(const struct row *rows, size_t n, int code) {
    for (size_t i = 0; i < n; i++) {
        if (rows[i].code == code) {
            return rows[i].description;
        }
    }
    return NULL;
}

static int scan_from_name(const struct row *rows, size_t n, const char *name, int *code) {
    for (size_t i = 0; i < n; i++) {
        if (rows[i].name != NULL && strcmp(rows[i].name, name) == 0) {
            *code = rows[i].code;
            return 1;
        }
    }
    return 0;
}

static int scan_map(const struct pair *pairs, size_t n, int from, int unmapped) {
    for (size_t i = 0; i < n; i++) {
        if (pairs[i].from == from) {
            return pairs[i].to;
        }
    }
    return unmapped;
}

/* One system's tables and inputs. */
struct system {
    const char *id;
    const char *(*name)(int);
    const char *(*description)(int);
    int (*from_name)(const char *, int *);
    struct row *rows;
    size_t n;
    int *known, *unknown;
    size_t n_unknown;
    const char **names, **bad_names;
};

static void shuffle(int *values, size_t n) {
    uint32_t state = 12345u;
    for (size_t i = n; i > 1; i--) {
        state = state * 1103515245u + 12345u;
        size_t j = (state >> 8) % i;
        int t = values[i - 1];
        values[i - 1] = values[j];
        values[j] = t;
    }
}

static void load(struct system *s, int lo, int hi) {
    s->rows = calloc((size_t)(hi - lo + 1), sizeof *s->rows);
    s->known = calloc((size_t)(hi - lo + 1), sizeof(int));
    s->unknown = calloc((size_t)(hi - lo + 201), sizeof(int));
    s->n = 0;
    for (int v = lo; v <= hi; v++) {
        const char *description = s->description(v);
        if (description != NULL) {
            s->rows[s->n] = (struct row){v, s->name(v), description};
            s->known[s->n++] = v;
        }
    }
    s->n_unknown = 0;
    for (int v = lo - 100; v <= hi + 100 && s->n_unknown < s->n; v++) {
        if (s->description(v) == NULL) {
            s->unknown[s->n_unknown++] = v;
        }
    }
    shuffle(s->known, s->n);
    shuffle(s->unknown, s->n_unknown);
    s->names = calloc(s->n, sizeof(char *));
    s->bad_names = calloc(s->n, sizeof(char *));
    for (size_t i = 0; i < s->n; i++) {
        const char *name = s->name(s->known[i]);
        s->names[i] = name != NULL ? name : "";
        char *bad = malloc(strlen(s->names[i]) + 2);
        strcpy(bad, s->names[i]);
        strcat(bad, "X");
        s->bad_names[i] = bad;
    }
}

/* Times `body` over `count` inputs: best of `rounds`, in ns per lookup. */
#define TIME_LOOP(result, count, body)                                         \
    do {                                                                       \
        size_t reps_ = 1;                                                      \
        double best_ = 1e300;                                                  \
        for (;;) { /* calibrate to about 20 ms a round */                      \
            double t0_ = now_ns();                                             \
            for (size_t r_ = 0; r_ < reps_; r_++)                              \
                for (size_t i = 0; i < (count); i++) { body; }                 \
            if (now_ns() - t0_ > 2e7 || reps_ > ((size_t)1 << 30)) break;      \
            reps_ *= 2;                                                        \
        }                                                                      \
        for (int k_ = 0; k_ < rounds; k_++) {                                  \
            double t0_ = now_ns();                                             \
            for (size_t r_ = 0; r_ < reps_; r_++)                              \
                for (size_t i = 0; i < (count); i++) { body; }                 \
            double per_ = (now_ns() - t0_) / (double)(reps_ * (count));         \
            if (per_ < best_) best_ = per_;                                    \
        }                                                                      \
        (result) = best_;                                                      \
    } while (0)

static void report(const char *system, const char *operation, const char *inputs, size_t count, double ours, double scan) {
    printf("%s,%s,%s,%zu,%.2f,%.2f,%.1f\n", system, operation, inputs, count, ours, scan, scan / ours);
    fflush(stdout);
}

/* One function per system and per mapping, written out by these macros so
 * that netcodes' functions are called directly and can be inlined, exactly
 * like the hand-written scans they are compared with. */
#define BENCH_SYSTEM(sys)                                                                        \
    static void bench_##sys(struct system *s) {                                                  \
        double ours, scan;                                                                       \
        int code = 0;                                                                            \
        const int *sets[2] = {s->known, s->unknown};                                             \
        const size_t counts[2] = {s->n, s->n_unknown};                                           \
        const char *labels[2] = {"known", "unknown"};                                            \
        for (int k = 0; k < 2; k++) {                                                            \
            const int *in = sets[k];                                                             \
            TIME_LOOP(ours, counts[k], sink ^= (uintptr_t)netcodes_##sys##_name(in[i]));         \
            TIME_LOOP(scan, counts[k], sink ^= (uintptr_t)scan_name(s->rows, s->n, in[i]));      \
            report(s->id, "name", labels[k], counts[k], ours, scan);                             \
            TIME_LOOP(ours, counts[k], sink ^= (uintptr_t)netcodes_##sys##_description(in[i]));  \
            TIME_LOOP(scan, counts[k], sink ^= (uintptr_t)scan_description(s->rows, s->n, in[i])); \
            report(s->id, "description", labels[k], counts[k], ours, scan);                      \
        }                                                                                        \
        const char **name_sets[2] = {s->names, s->bad_names};                                    \
        for (int k = 0; k < 2; k++) {                                                            \
            const char **in = name_sets[k];                                                      \
            TIME_LOOP(ours, s->n, sink ^= (uintptr_t)(netcodes_##sys##_from_name(in[i], &code) + code)); \
            TIME_LOOP(scan, s->n, sink ^= (uintptr_t)(scan_from_name(s->rows, s->n, in[i], &code) + code)); \
            report(s->id, "from_name", labels[k], s->n, ours, scan);                             \
        }                                                                                        \
    }

BENCH_SYSTEM(qt)
BENCH_SYSTEM(chromium)
BENCH_SYSTEM(http)
BENCH_SYSTEM(warning)

#define BENCH_MAPPING(id, function, unmapped)                                                    \
    static void bench_##id(const struct system *from) {                                          \
        struct pair *pairs = calloc(from->n, sizeof *pairs);                                     \
        for (size_t i = 0; i < from->n; i++) {                                                   \
            pairs[i] = (struct pair){from->rows[i].code, function(from->rows[i].code)};           \
        }                                                                                        \
        double ours, scan;                                                                       \
        const int *sets[2] = {from->known, from->unknown};                                       \
        const size_t counts[2] = {from->n, from->n_unknown};                                     \
        const char *labels[2] = {"known", "unknown"};                                            \
        for (int k = 0; k < 2; k++) {                                                            \
            const int *in = sets[k];                                                             \
            TIME_LOOP(ours, counts[k], sink ^= (uintptr_t)function(in[i]));                      \
            TIME_LOOP(scan, counts[k], sink ^= (uintptr_t)scan_map(pairs, from->n, in[i], unmapped)); \
            report(#id, "map", labels[k], counts[k], ours, scan);                                \
        }                                                                                        \
        free(pairs);                                                                             \
    }

BENCH_MAPPING(chromium_to_http, netcodes_http_from_chromium, NETCODES_HTTP_UNMAPPED)
BENCH_MAPPING(chromium_to_qt, netcodes_qt_from_chromium, NETCODES_QT_UNMAPPED)
BENCH_MAPPING(http_status_to_qt, netcodes_qt_from_http_status, NETCODES_QT_UNMAPPED)
BENCH_MAPPING(qt_to_http, netcodes_http_from_qt, NETCODES_HTTP_UNMAPPED)

int main(int argc, char **argv) {
    if (argc > 1) {
        rounds = atoi(argv[1]);
    }
    struct system qt = {"qt", netcodes_qt_name, netcodes_qt_description, netcodes_qt_from_name, 0, 0, 0, 0, 0, 0, 0};
    struct system chromium = {"chromium", netcodes_chromium_name, netcodes_chromium_description, netcodes_chromium_from_name, 0, 0, 0, 0, 0, 0, 0};
    struct system http = {"http", netcodes_http_name, netcodes_http_description, netcodes_http_from_name, 0, 0, 0, 0, 0, 0, 0};
    struct system warning = {"warning", netcodes_warning_name, netcodes_warning_description, netcodes_warning_from_name, 0, 0, 0, 0, 0, 0, 0};
    load(&qt, 0, 1000);
    load(&chromium, -1000, 0);
    load(&http, 100, 999);
    load(&warning, 100, 299);
    printf("system,operation,inputs,lookups,netcodes_ns,scan_ns,speedup\n");
    bench_qt(&qt);
    bench_chromium(&chromium);
    bench_http(&http);
    bench_warning(&warning);
    bench_chromium_to_http(&chromium);
    bench_chromium_to_qt(&chromium);
    bench_http_status_to_qt(&http);
    bench_qt_to_http(&qt);
    return 0;
}
