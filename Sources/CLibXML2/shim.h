#ifndef KB_CLIBXML2_SHIM_H
#define KB_CLIBXML2_SHIM_H

/* libxml2's headers pull in ICU when LIBXML_ICU_ENABLED is defined, which
   clashes with the ICU bundled with Foundation on Linux. Include the version
   header first, drop the ICU flag, then the headers we use. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>
#include <libxml/encoding.h>

/* xmlFree is a global function-pointer variable; Swift 6 rejects it as
   unsafe global mutable state, so call it through an inline wrapper. */
static inline void kb_xml_free(void *p) {
    if (p != NULL) { xmlFree(p); }
}

/* HTML_PARSE_NOERROR/NOWARNING silence parser diagnostics, but encoding and
   I/O errors are raised without a parser context and go to the (per-thread)
   generic error handler, which prints to stderr. These helpers install silent
   handlers for the current thread around a parse and restore the previous
   ones afterwards. */
static void kb_xml_silent_generic(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

static void kb_xml_silent_structured(void *ctx, xmlErrorPtr error) {
    (void)ctx;
    (void)error;
}

typedef struct {
    xmlGenericErrorFunc generic;
    void *genericContext;
    xmlStructuredErrorFunc structured;
    void *structuredContext;
} kb_xml_error_handlers;

static inline kb_xml_error_handlers kb_xml_silence_errors(void) {
    kb_xml_error_handlers saved;
    saved.generic = xmlGenericError;
    saved.genericContext = xmlGenericErrorContext;
    saved.structured = xmlStructuredError;
    saved.structuredContext = xmlStructuredErrorContext;
    xmlSetGenericErrorFunc(NULL, kb_xml_silent_generic);
    xmlSetStructuredErrorFunc(NULL, kb_xml_silent_structured);
    return saved;
}

static inline void kb_xml_restore_errors(kb_xml_error_handlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, saved.generic);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structured);
}

#endif
