#ifndef KB_MODEL_H
#define KB_MODEL_H
#include <stddef.h>

/// The syntax model (Models/en_ewt.kbsyntax), compiled into the binary so that a copied kb
/// needs no file beside it. kb_syntax_model_size is 0 when the build had an empty model file.
extern const unsigned char kb_syntax_model[];
extern const size_t kb_syntax_model_size;

/// The model's first byte (Swift cannot take the address of an incomplete array).
static inline const unsigned char *kb_syntax_model_ptr(void) { return kb_syntax_model; }

#endif
