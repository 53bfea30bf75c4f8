#include "kb_model.h"

// C23's #embed reads the file's bytes at compile time; the trailing 0 keeps the array
// non-empty when the file is (as before a first training).
const unsigned char kb_syntax_model[] = {
#embed "../../Models/en_ewt.kbsyntax" suffix(,)
    0
};
const size_t kb_syntax_model_size = sizeof(kb_syntax_model) - 1;
