/*
 * plan.c — a plain-C reference of `egmecc plan --format csv|json` for the end-to-end benchmark.
 *
 * It does the work egmecc does for the benchmark's inputs, in the most direct way C allows, so
 * that egmecc's CPU time and peak memory can be stated as a ratio to a floor measured in the
 * same run. Its output must be byte-identical to egmecc's; a test (PlainCReferenceTests) builds
 * it with `cc -O2` and compares, so it cannot drift from the product.
 *
 *   cc -O2 -o plan plan.c
 *   ./plan REGIONS.csv RETIRED.csv csv|json [OUTPUT]      (OUTPUT absent or "-": standard output)
 *
 * What it follows (docs/design.md §2 with the default options: G = P = L = E = 64 KiB, hugepage
 * sizes 2M, 32M, 512M, 1G): each record is [address, address + G), widened to L in region-offset
 * space (§2.5) and attributed by address to the region holding it (§2.4); the union of the
 * widened records, merged where they overlap or touch, is the holes; the extents are the rest
 * (§2.6; with E = L no extent is ever shorter than E, so there are no fragment bytes); duplicates
 * are counted in the order of §2.9 (widened start, widened end descending); hugepage capacity is
 * counted as in §2.7; output as in docs/design.md §4.2 and §4.3.
 *
 * What it refuses (exit 2 with a message), because the benchmark does not use it: options other
 * than the defaults; a regions CSV with columns other than id, node, base, size (no host, no
 * guestSize) or with quoted fields; a retired CSV with any column but `address` (no size, region,
 * offset, host); numbers with `_`, `+`, blanks or size suffixes; a record that is clipped,
 * straddles two regions or lies in no region (egmecc would write a diagnostic); regions that
 * overlap, repeat, or whose base is not 1 GiB-aligned (egmecc would warn `misaligned-base`);
 * regions of more than 2^47 bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GRANULE 65536ULL
#define PAGE_SHIFT 16
#define MAX_REGIONS 1024

typedef struct {
    char id[64];
    int64_t node;
    uint64_t base, size;
    uint64_t count;   /* records attributed to it */
    uint64_t *keys;   /* widened records: start page << 1 | (1 if one page, 0 if two) */
} region_t;

static region_t regions[MAX_REGIONS];
static int region_count;

static void fail(const char *what, const char *file, long line)
{
    if (line > 0)
        fprintf(stderr, "plan.c: %s:%ld: %s\n", file, line, what);
    else
        fprintf(stderr, "plan.c: %s: %s\n", file, what);
    exit(2);
}

/* ---- input: a line reader over a 1 MiB buffer ---- */

typedef struct {
    FILE *f;
    const char *name;
    char *buf;
    size_t len, pos;
    long line;
} reader_t;

static void reader_open(reader_t *r, const char *name)
{
    r->f = fopen(name, "rb");
    if (!r->f)
        fail("cannot open", name, 0);
    r->name = name;
    r->buf = malloc(1 << 20);
    r->len = r->pos = 0;
    r->line = 0;
}

/* The next line without its end (\n or \r\n), NUL-terminated in place; NULL at the end. */
static char *next_line(reader_t *r, size_t *length)
{
    for (;;) {
        char *start = r->buf + r->pos;
        char *nl = memchr(start, '\n', r->len - r->pos);
        if (nl || (feof(r->f) && r->pos < r->len)) {
            char *end = nl ? nl : r->buf + r->len;
            r->pos = nl ? (size_t)(nl - r->buf) + 1 : r->len;
            if (end > start && end[-1] == '\r')
                end--;
            *end = 0;
            r->line++;
            *length = (size_t)(end - start);
            return start;
        }
        if (feof(r->f))
            return NULL;
        memmove(r->buf, start, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
        if (r->len >= (1 << 20) - 1)
            fail("line too long", r->name, r->line + 1);
        r->len += fread(r->buf + r->len, 1, (1 << 20) - 1 - r->len, r->f);
        if (r->len == 0 || (ferror(r->f)))
            return NULL;
    }
}

/* Skips blank and `#` comment lines, as every CSV input allows (docs/design.md §3.3). */
static char *next_row(reader_t *r, size_t *length)
{
    char *s;
    while ((s = next_line(r, length)) != NULL) {
        if (r->line == 1 && *length >= 3 && (unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbb && (unsigned char)s[2] == 0xbf) {
            s += 3;
            *length -= 3;
        }
        if (*length == 0 || s[0] == '#')
            continue;
        return s;
    }
    return NULL;
}

/* A decimal or 0x-hexadecimal u64 filling [s, s + n) exactly; 0 on failure. */
static int parse_u64(const char *s, size_t n, uint64_t *out)
{
    uint64_t v = 0;
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (n - 2 > 16)
            return 0;
        for (size_t i = 2; i < n; i++) {
            unsigned c = (unsigned char)s[i], d;
            if (c - '0' < 10) d = c - '0';
            else if ((c | 32) - 'a' < 6) d = (c | 32) - 'a' + 10;
            else return 0;
            v = v << 4 | d;
        }
    } else {
        if (n == 0 || n > 20)
            return 0;
        for (size_t i = 0; i < n; i++) {
            unsigned d = (unsigned char)s[i] - '0';
            if (d > 9 || v > (UINT64_MAX - d) / 10)
                return 0;
            v = v * 10 + d;
        }
    }
    *out = v;
    return 1;
}

static void read_regions(const char *name)
{
    reader_t r;
    size_t n;
    reader_open(&r, name);
    char *header = next_row(&r, &n);
    if (!header)
        fail("no header", name, 0);
    int column[4] = {-1, -1, -1, -1}; /* id, node, base, size */
    int columns = 0;
    for (char *field = strtok(header, ","); field; field = strtok(NULL, ","), columns++) {
        const char *names[4] = {"id", "node", "base", "size"};
        int known = 0;
        for (int k = 0; k < 4; k++)
            if (strcmp(field, names[k]) == 0 && column[k] < 0) {
                column[k] = columns;
                known = 1;
            }
        if (!known)
            fail("unsupported regions column (id,node,base,size only)", name, r.line);
    }
    if (column[0] < 0 || column[1] < 0 || column[2] < 0 || column[3] < 0)
        fail("regions header needs id,node,base,size", name, r.line);
    char *row;
    while ((row = next_row(&r, &n)) != NULL) {
        if (region_count == MAX_REGIONS)
            fail("too many regions", name, r.line);
        if (memchr(row, '"', n))
            fail("quoted fields are not supported", name, r.line);
        region_t *g = &regions[region_count];
        memset(g, 0, sizeof *g);
        char *fields[4];
        int k = 0;
        char *p = row;
        for (;;) {
            char *comma = strchr(p, ',');
            if (k < 4)
                fields[k] = p;
            k++;
            if (!comma)
                break;
            *comma = 0;
            p = comma + 1;
        }
        if (k != columns)
            fail("wrong number of fields", name, r.line);
        const char *id = fields[column[0]];
        if (strlen(id) == 0 || strlen(id) >= sizeof g->id || strpbrk(id, "\\\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"))
            fail("unsupported region id", name, r.line);
        strcpy(g->id, id);
        uint64_t node;
        if (!parse_u64(fields[column[1]], strlen(fields[column[1]]), &node) || node > 0x7fffffff
            || !parse_u64(fields[column[2]], strlen(fields[column[2]]), &g->base)
            || !parse_u64(fields[column[3]], strlen(fields[column[3]]), &g->size))
            fail("unsupported number", name, r.line);
        g->node = (int64_t)node;
        if (g->size == 0 || g->size > (1ULL << 47) || g->base > UINT64_MAX - g->size)
            fail("unsupported region size", name, r.line);
        for (const char *c = g->id; *c; c++)
            if ((unsigned char)*c >= 0x80)
                fail("unsupported region id (ASCII only)", name, r.line);
        if (g->size % GRANULE != 0)
            fail("region size not a multiple of 64 KiB", name, r.line);
        if (g->base % (1ULL << 30) != 0)
            fail("region base not 1 GiB-aligned (egmecc would warn)", name, r.line);
        region_count++;
    }
    fclose(r.f);
    free(r.buf);
    if (region_count == 0)
        fail("no region", name, 0);
    /* Plan order: by (host, base); every host is "" here (docs/design.md §4.2). */
    for (int i = 1; i < region_count; i++)
        for (int j = i; j > 0 && regions[j - 1].base > regions[j].base; j--) {
            region_t t = regions[j];
            regions[j] = regions[j - 1];
            regions[j - 1] = t;
        }
    for (int i = 1; i < region_count; i++)
        if (regions[i - 1].base + regions[i - 1].size > regions[i].base)
            fail("overlapping or repeated regions are not supported", name, 0);
}

/* ---- records: read, attribute, widen ---- */

static uint64_t *addresses;
static uint32_t *region_of;
static size_t record_count, record_capacity;

static void read_retired(const char *name)
{
    reader_t r;
    size_t n;
    reader_open(&r, name);
    char *header = next_row(&r, &n);
    if (!header || strcmp(header, "address") != 0)
        fail("retired header must be `address` alone", name, r.line);
    char *row;
    record_capacity = 1 << 20;
    addresses = malloc(record_capacity * sizeof *addresses);
    while ((row = next_row(&r, &n)) != NULL) {
        if (record_count == record_capacity) {
            record_capacity *= 2;
            addresses = realloc(addresses, record_capacity * sizeof *addresses);
        }
        if (!parse_u64(row, n, &addresses[record_count]))
            fail("unsupported address", name, r.line);
        record_count++;
    }
    fclose(r.f);
    free(r.buf);

    /* Attribution by address (docs/design.md §2.4): the region whose [base, end) holds the
       record; anything egmecc would clip or call out-of-region is refused. */
    region_of = malloc((record_count ? record_count : 1) * sizeof *region_of);
    int last = 0;
    for (size_t i = 0; i < record_count; i++) {
        uint64_t a = addresses[i];
        region_t *g = &regions[last];
        if (a < g->base || a - g->base >= g->size) {
            int lo = 0, hi = region_count;
            while (lo < hi) {
                int mid = (lo + hi) / 2;
                if (regions[mid].base <= a) lo = mid + 1; else hi = mid;
            }
            last = lo - 1;
            if (last < 0 || a - regions[last].base >= regions[last].size)
                fail("a record out of every region is not supported (egmecc would warn)", name, 0);
            g = &regions[last];
        }
        if (a > UINT64_MAX - GRANULE || a + GRANULE - g->base > g->size)
            fail("a clipped record is not supported (egmecc would warn)", name, 0);
        region_of[i] = (uint32_t)last;
        g->count++;
    }
    for (int k = 0; k < region_count; k++) {
        regions[k].keys = malloc((regions[k].count ? regions[k].count : 1) * sizeof(uint64_t));
        regions[k].count = 0;
    }
    /* Widened to L = G in region-offset space (docs/design.md §2.5): one page when aligned,
       two when not. The key sorts by widened start, then widened end descending (§2.9). */
    for (size_t i = 0; i < record_count; i++) {
        region_t *g = &regions[region_of[i]];
        uint64_t offset = addresses[i] - g->base;
        uint64_t single = (offset & (GRANULE - 1)) == 0;
        g->keys[g->count++] = (offset >> PAGE_SHIFT) << 1 | single;
    }
    free(addresses);
    free(region_of);
}

/* LSD radix sort, 16-bit digits, only as many passes as the largest key needs. */
static void radix_sort(uint64_t *keys, size_t n, uint64_t max_key)
{
    if (n < 2)
        return;
    uint64_t *temp = malloc(n * sizeof *temp);
    static size_t counts[1 << 16];
    uint64_t *from = keys, *to = temp;
    for (int shift = 0; shift < 64 && (max_key >> shift) != 0; shift += 16) {
        memset(counts, 0, sizeof counts);
        for (size_t i = 0; i < n; i++)
            counts[(from[i] >> shift) & 0xffff]++;
        size_t sum = 0;
        for (size_t d = 0; d < (1 << 16); d++) {
            size_t c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            to[counts[(from[i] >> shift) & 0xffff]++] = from[i];
        uint64_t *t = from;
        from = to;
        to = t;
    }
    if (from != keys)
        memcpy(keys, from, n * sizeof *keys);
    free(temp);
}

/* ---- output through a 64 KiB buffer ---- */

static FILE *out;
static char out_buffer[1 << 16];
static size_t out_length;

static void flush_out(void)
{
    if (out_length && fwrite(out_buffer, 1, out_length, out) != out_length) {
        fprintf(stderr, "plan.c: write failed\n");
        exit(2);
    }
    out_length = 0;
}

static inline void put(const char *s, size_t n)
{
    if (out_length + n > sizeof out_buffer)
        flush_out();
    memcpy(out_buffer + out_length, s, n);
    out_length += n;
}

#define PUT(literal) put(literal, sizeof(literal) - 1)

static inline void put_str(const char *s) { put(s, strlen(s)); }

static inline void put_hex(uint64_t v)
{
    char text[18];
    int i = 18;
    do {
        text[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    text[--i] = 'x';
    text[--i] = '0';
    put(text + i, (size_t)(18 - i));
}

static inline void put_dec(uint64_t v)
{
    char text[20];
    int i = 20;
    do {
        text[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(text + i, (size_t)(20 - i));
}

/* ---- planning one region: holes in place over the sorted keys ---- */

typedef struct {
    uint64_t start, end; /* a hole, region offsets */
} hole_t;

static const uint64_t huge_pages[4] = {2ULL << 20, 32ULL << 20, 512ULL << 20, 1ULL << 30};

typedef struct {
    hole_t *holes;     /* overwrites the region's keys: a hole never needs more than 2 keys' room... */
    size_t hole_count;
    uint64_t applied, duplicate;
} region_plan_t;

/* Merges the sorted widened records into holes (docs/design.md §2.5) and counts duplicates
   (§2.9: a record is a duplicate when the records before it in key order already cover its
   widened range, that is when its end is at most the largest end so far). */
static region_plan_t plan_region(region_t *g)
{
    region_plan_t p = {0};
    size_t n = g->count;
    uint64_t max_key = (g->size >> PAGE_SHIFT) << 1 | 1;
    radix_sort(g->keys, n, max_key);
    hole_t *holes = malloc((n ? n : 1) * sizeof *holes);
    uint64_t max_end = 0;
    size_t h = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t key = g->keys[i];
        uint64_t start = (key >> 1) << PAGE_SHIFT;
        uint64_t end = start + ((key & 1) ? GRANULE : 2 * GRANULE);
        if (i > 0 && end <= max_end) {
            p.duplicate++;
            continue;
        }
        p.applied++;
        if (h > 0 && start <= holes[h - 1].end) {
            if (end > holes[h - 1].end)
                holes[h - 1].end = end;
        } else {
            holes[h].start = start;
            holes[h].end = end;
            h++;
        }
        if (end > max_end)
            max_end = end;
    }
    free(g->keys);
    g->keys = NULL;
    p.holes = holes;
    p.hole_count = h;
    return p;
}

static void write_region_json(const region_t *g, const region_plan_t *p)
{
    PUT("    {\n      \"host\": \"\",\n      \"id\": \"");
    put_str(g->id);
    PUT("\",\n      \"node\": ");
    put_dec((uint64_t)g->node);
    PUT(",\n      \"base\": \"");
    put_hex(g->base);
    PUT("\",\n      \"size\": \"");
    put_hex(g->size);
    PUT("\",\n      \"usable\": [");
    uint64_t usable = 0, largest = 0, extents = 0, capacity[4] = {0};
    uint64_t at = 0;
    for (size_t i = 0; i <= p->hole_count; i++) {
        uint64_t end = i < p->hole_count ? p->holes[i].start : g->size;
        if (end > at) {
            put_str(extents ? ",\n        {\n          \"offset\": \"" : "\n        {\n          \"offset\": \"");
            put_hex(at);
            PUT("\",\n          \"address\": \"");
            put_hex(g->base + at);
            PUT("\",\n          \"size\": \"");
            put_hex(end - at);
            PUT("\"\n        }");
            extents++;
            usable += end - at;
            if (end - at > largest)
                largest = end - at;
            for (int k = 0; k < 4; k++) {
                uint64_t first = (at + huge_pages[k] - 1) / huge_pages[k], last = end / huge_pages[k];
                if (last > first)
                    capacity[k] += last - first;
            }
        }
        if (i < p->hole_count)
            at = p->holes[i].end;
    }
    put_str(extents ? "\n      ],\n      \"holes\": [" : "],\n      \"holes\": [");
    uint64_t hole_bytes = 0;
    for (size_t i = 0; i < p->hole_count; i++) {
        const hole_t *h = &p->holes[i];
        put_str(i ? ",\n        {\n          \"offset\": \"" : "\n        {\n          \"offset\": \"");
        put_hex(h->start);
        PUT("\",\n          \"address\": \"");
        put_hex(g->base + h->start);
        PUT("\",\n          \"size\": \"");
        put_hex(h->end - h->start);
        PUT("\",\n          \"retiredBytes\": ");
        put_dec(h->end - h->start);
        PUT(",\n          \"fragmentBytes\": 0\n        }");
        hole_bytes += h->end - h->start;
    }
    put_str(p->hole_count ? "\n      ],\n      \"atRisk\": [],\n      \"stats\": {\n        \"sizeBytes\": "
                      : "],\n      \"atRisk\": [],\n      \"stats\": {\n        \"sizeBytes\": ");
    put_dec(g->size);
    PUT(",\n        \"usableBytes\": ");
    put_dec(usable);
    PUT(",\n        \"holeBytes\": ");
    put_dec(hole_bytes);
    PUT(",\n        \"retiredBytes\": ");
    put_dec(hole_bytes);
    PUT(",\n        \"fragmentBytes\": 0,\n        \"atRiskBytes\": 0,\n        \"atRiskPages\": 0,\n        \"largestExtentBytes\": ");
    put_dec(largest);
    PUT(",\n        \"extents\": ");
    put_dec(extents);
    PUT(",\n        \"holes\": ");
    put_dec(p->hole_count);
    PUT(",\n        \"hugePageCapacity\": {");
    for (int k = 0; k < 4; k++) {
        put_str(k ? ",\n          \"" : "\n          \"");
        put_dec(huge_pages[k]);
        PUT("\": ");
        put_dec(capacity[k]);
    }
    PUT("\n        }\n      }\n    }");
}

static void write_region_csv(const region_t *g, const region_plan_t *p)
{
    char prefix[96];
    int prefix_length = snprintf(prefix, sizeof prefix, ",%s,%lld,", g->id, (long long)g->node);
    uint64_t at = 0;
    for (size_t i = 0; i <= p->hole_count; i++) {
        uint64_t end = i < p->hole_count ? p->holes[i].start : g->size;
        if (end > at) {
            put(prefix, (size_t)prefix_length);
            PUT("usable,");
            put_hex(at);
            PUT(",");
            put_hex(g->base + at);
            PUT(",");
            put_hex(end - at);
            PUT("\n");
        }
        if (i < p->hole_count) {
            const hole_t *h = &p->holes[i];
            put(prefix, (size_t)prefix_length);
            PUT("hole,");
            put_hex(h->start);
            PUT(",");
            put_hex(g->base + h->start);
            PUT(",");
            put_hex(h->end - h->start);
            PUT("\n");
            at = h->end;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || argc > 5 || (strcmp(argv[3], "csv") != 0 && strcmp(argv[3], "json") != 0)) {
        fprintf(stderr, "usage: plan REGIONS.csv RETIRED.csv csv|json [OUTPUT]\n");
        return 1;
    }
    int json = strcmp(argv[3], "json") == 0;
    read_regions(argv[1]);
    read_retired(argv[2]);
    out = argc == 5 && strcmp(argv[4], "-") != 0 ? fopen(argv[4], "wb") : stdout;
    if (!out)
        fail("cannot write", argv[4], 0);
    setvbuf(out, NULL, _IONBF, 0);

    uint64_t applied = 0, duplicate = 0;
    if (json)
        PUT("{\n  \"schema\": \"egmecc.plan/1\",\n  \"options\": {\n    \"granule\": 65536,\n    \"guestPage\": 65536,\n"
            "    \"layoutGranule\": 65536,\n    \"minExtent\": 65536,\n    \"hugePages\": [\n      2097152,\n      33554432,\n"
            "      536870912,\n      1073741824\n    ]\n  },\n  \"regions\": [\n");
    else
        PUT("host,region,node,kind,offset,address,size\n");
    for (int k = 0; k < region_count; k++) {
        region_plan_t p = plan_region(&regions[k]);
        applied += p.applied;
        duplicate += p.duplicate;
        if (json) {
            if (k)
                PUT(",\n");
            write_region_json(&regions[k], &p);
        } else {
            write_region_csv(&regions[k], &p);
        }
        free(p.holes);
    }
    if (json) {
        PUT("\n  ],\n  \"accounting\": {\n    \"records\": ");
        put_dec(record_count);
        PUT(",\n    \"applied\": ");
        put_dec(applied);
        PUT(",\n    \"atRisk\": 0,\n    \"duplicate\": ");
        put_dec(duplicate);
        PUT(",\n    \"clipped\": 0,\n    \"outOfRegion\": 0\n  },\n  \"diagnostics\": []\n}\n");
    }
    flush_out();
    if (out != stdout && fclose(out) != 0)
        fail("cannot write", argv[4], 0);
    return 0;
}
