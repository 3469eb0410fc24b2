/*
 * floor: the least work any reader of a Word PEP must do, as a yardstick for `pepqa process`.
 *
 *   cc -O2 $(xml2-config --cflags) floor.c $(xml2-config --libs) -lz -o floor
 *   floor [--sax] [--repeat N] FILE.docx...
 *
 * For each file: read it, find `word/document.xml` through the ZIP central directory, inflate
 * it with zlib (raw deflate, or copy a stored entry), and pass the bytes once through libxml2,
 * doing nothing with what comes out. Then print one line: the number of documents read, the
 * inflated bytes, the parser events seen (so the compiler cannot drop the loop) and this
 * process's CPU seconds (getrusage, user + sys, to the microsecond: /usr/bin/time rounds to
 * 10 ms, too coarse for a quick run). --repeat N goes over the files N times (default 1), so
 * that a small corpus still takes long enough to time.
 *
 * Why: machines here are shared and noisy, so an absolute "documents per second" means little
 * on its own. This program does only what pepqa cannot avoid (unzip the main part, tokenise
 * its XML), in the same process model (one process, many files), so scripts/bench-pipeline.sh
 * can report pepqa's speed as a ratio to it, both measured in the same run.
 *
 * Two floors:
 *   default  xmlReaderForMemory + xmlTextReaderRead, the pull reader pepqa's XML layer uses;
 *   --sax    a SAX2 push parser (xmlCreatePushParserCtxt + xmlParseChunk) with empty
 *            handlers, the fastest way libxml2 tokenises.
 * Both use the safe options pepqa uses (XML_PARSE_NONET, no NOENT, no DTD loading) and a
 * deny-all external entity loader, so neither does work pepqa would refuse to do.
 *
 * The main part is always `word/document.xml` (the generator's benchmark corpus never renames
 * it). A file without it, or with a damaged entry, is counted as failed and reported on stderr.
 */
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <zlib.h>

#include <errno.h>
#include <stdint.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAIN_PART "word/document.xml"
/* A cap on the inflated part, as any reader of untrusted files must have. */
#define MAX_PART (64u * 1024u * 1024u)

static const int SAFE_OPTIONS = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

static unsigned long long events; /* reader nodes or SAX callbacks */

static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t le32(const unsigned char *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static xmlParserInputPtr deny_entities(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

/* Reads a whole file into *out (malloc'd). Returns its size, or -1. */
static long read_file(const char *path, unsigned char **out) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return -1; }
    long size = ftell(f);
    if (size < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return -1; }
    unsigned char *buf = malloc(size > 0 ? (size_t)size : 1);
    if (!buf) { fclose(f); return -1; }
    if (size > 0 && fread(buf, 1, (size_t)size, f) != (size_t)size) { free(buf); fclose(f); return -1; }
    fclose(f);
    *out = buf;
    return size;
}

/* Finds MAIN_PART through the central directory and inflates it into *out (malloc'd).
 * Returns the inflated size, or -1 with a reason in *why. */
static long main_part(const unsigned char *zip, size_t size, unsigned char **out, const char **why) {
    /* End of central directory: 22 bytes plus up to 65535 of comment, from the end. */
    if (size < 22) { *why = "not a ZIP (too short)"; return -1; }
    size_t floor_at = size > 22 + 65535 ? size - 22 - 65535 : 0;
    size_t eocd = (size_t)-1;
    for (size_t i = size - 22 + 1; i-- > floor_at;) {
        if (le32(zip + i) == 0x06054b50) { eocd = i; break; }
    }
    if (eocd == (size_t)-1) { *why = "no end of central directory"; return -1; }
    uint16_t entries = le16(zip + eocd + 10);
    uint32_t cd_offset = le32(zip + eocd + 16);
    size_t p = cd_offset;
    size_t name_len = strlen(MAIN_PART);
    for (uint16_t e = 0; e < entries; e++) {
        if (p + 46 > size || le32(zip + p) != 0x02014b50) { *why = "damaged central directory"; return -1; }
        uint16_t method = le16(zip + p + 10);
        uint32_t csize = le32(zip + p + 20);
        uint32_t usize = le32(zip + p + 24);
        uint16_t nlen = le16(zip + p + 28), xlen = le16(zip + p + 30), clen = le16(zip + p + 32);
        uint32_t local = le32(zip + p + 42);
        if (p + 46 + nlen > size) { *why = "damaged central directory"; return -1; }
        if (nlen == name_len && memcmp(zip + p + 46, MAIN_PART, name_len) == 0) {
            if ((size_t)local + 30 > size || le32(zip + local) != 0x04034b50) { *why = "damaged local header"; return -1; }
            size_t data = (size_t)local + 30 + le16(zip + local + 26) + le16(zip + local + 28);
            if (data + csize > size) { *why = "entry runs past the end"; return -1; }
            if (method == 0) { /* stored */
                if (csize > MAX_PART) { *why = "part too large"; return -1; }
                *out = malloc(csize ? csize : 1);
                if (!*out) { *why = "out of memory"; return -1; }
                memcpy(*out, zip + data, csize);
                return (long)csize;
            }
            if (method != 8) { *why = "unknown compression method"; return -1; }
            /* Never trust the declared size: grow the buffer, and stop at the cap. */
            size_t cap = usize > 0 && usize <= MAX_PART ? usize : 1u << 20;
            unsigned char *buf = malloc(cap);
            if (!buf) { *why = "out of memory"; return -1; }
            z_stream z;
            memset(&z, 0, sizeof z);
            if (inflateInit2(&z, -MAX_WBITS) != Z_OK) { free(buf); *why = "inflateInit2 failed"; return -1; }
            z.next_in = (Bytef *)(zip + data);
            z.avail_in = csize;
            size_t have = 0;
            int rc;
            for (;;) {
                if (have == cap) {
                    if (cap >= MAX_PART) { rc = Z_MEM_ERROR; break; }
                    cap *= 2;
                    unsigned char *bigger = realloc(buf, cap);
                    if (!bigger) { rc = Z_MEM_ERROR; break; }
                    buf = bigger;
                }
                z.next_out = buf + have;
                z.avail_out = (uInt)(cap - have);
                rc = inflate(&z, Z_NO_FLUSH);
                have = cap - z.avail_out;
                if (rc == Z_STREAM_END) break;
                if (rc != Z_OK && rc != Z_BUF_ERROR) break;
                if (rc == Z_BUF_ERROR && z.avail_in == 0) break; /* truncated */
            }
            inflateEnd(&z);
            if (rc != Z_STREAM_END) { free(buf); *why = "inflate failed"; return -1; }
            *out = buf;
            return (long)have;
        }
        p += 46 + (size_t)nlen + xlen + clen;
    }
    *why = "no " MAIN_PART;
    return -1;
}

/* The pull reader: every node read, nothing else done. */
static int parse_reader(const unsigned char *xml, long len) {
    xmlTextReaderPtr r = xmlReaderForMemory((const char *)xml, (int)len, MAIN_PART, NULL, SAFE_OPTIONS);
    if (!r) return -1;
    int rc;
    while ((rc = xmlTextReaderRead(r)) == 1) events++;
    xmlFreeTextReader(r);
    return rc == 0 ? 0 : -1;
}

/* SAX2 with empty handlers: the callbacks only count. */
static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    events++;
}
static void on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
    events++;
}
static void on_characters(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; events++; }

static int parse_sax(const unsigned char *xml, long len) {
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_characters;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, MAIN_PART);
    if (!ctxt) return -1;
    xmlCtxtUseOptions(ctxt, SAFE_OPTIONS);
    const long chunk = 64 * 1024; /* as pepqa would feed it from the inflate stream */
    int rc = 0;
    for (long at = 0; at < len && rc == 0; at += chunk) {
        long n = len - at < chunk ? len - at : chunk;
        rc = xmlParseChunk(ctxt, (const char *)xml + at, (int)n, 0);
    }
    if (rc == 0) rc = xmlParseChunk(ctxt, NULL, 0, 1);
    int ok = rc == 0 && ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    return ok ? 0 : -1;
}

int main(int argc, char **argv) {
    int sax = 0, first = 1;
    long repeat = 1;
    while (first < argc && strncmp(argv[first], "--", 2) == 0) {
        if (strcmp(argv[first], "--sax") == 0) {
            sax = 1;
            first++;
        } else if (strcmp(argv[first], "--repeat") == 0 && first + 1 < argc && atol(argv[first + 1]) > 0) {
            repeat = atol(argv[first + 1]);
            first += 2;
        } else {
            break;
        }
    }
    if (first >= argc) {
        fprintf(stderr, "usage: floor [--sax] [--repeat N] FILE.docx...\n");
        return 64;
    }
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_entities);
    unsigned long documents = 0, failed = 0;
    unsigned long long inflated = 0;
    for (long pass = 0; pass < repeat; pass++) {
        for (int i = first; i < argc; i++) {
            unsigned char *zip = NULL, *xml = NULL;
            const char *why = NULL;
            long size = read_file(argv[i], &zip);
            if (size < 0) { fprintf(stderr, "floor: %s: %s\n", argv[i], strerror(errno)); failed++; continue; }
            long len = main_part(zip, (size_t)size, &xml, &why);
            free(zip);
            if (len < 0) { fprintf(stderr, "floor: %s: %s\n", argv[i], why); failed++; continue; }
            inflated += (unsigned long long)len;
            if ((sax ? parse_sax(xml, len) : parse_reader(xml, len)) != 0) {
                fprintf(stderr, "floor: %s: not well-formed XML\n", argv[i]);
                failed++;
            } else {
                documents++;
            }
            free(xml);
        }
    }
    xmlCleanupParser();
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    printf("%lu documents %llu bytes %llu events %lu failed %.6f cpu_seconds\n", documents, inflated, events, failed, cpu);
    return failed ? 1 : 0;
}
