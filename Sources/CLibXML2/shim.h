#ifndef PEPQA_CLIBXML2_SHIM_H
#define PEPQA_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its encoding.h pulls in system ICU headers that clash with
   Foundation's own ICU (UErrorCode defined twice). We never touch xmlCharEncodingHandler's ICU
   members, so dropping the ICU part of the headers is safe. See shared stack notes, trap 1. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/SAX2.h>

/* xmlFree is a global mutable function pointer (not concurrency-safe in Swift 6). */
static inline void cxml_free(void *p) { xmlFree(p); }
/* xmlParserVersion is a macro Swift does not import. */
static inline const char *cxml_parser_version(void) { return xmlParserVersion; }

/* The deny-all external entity loader: no file, no network, ever. */
static xmlParserInputPtr cxml_deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}
static inline void cxml_install_deny_loader(void) { xmlSetExternalEntityLoader(cxml_deny_loader); }

/* Silence libxml2's default generic error printer (it writes to stderr, possibly with document text). */
static void cxml_quiet_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, cxml_quiet_generic);
    xmlSetStructuredErrorFunc(NULL, NULL);
}
#endif
