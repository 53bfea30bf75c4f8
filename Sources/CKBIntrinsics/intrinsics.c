// CKBIntrinsics is header-only (kb_intrinsics.h); SwiftPM wants one source file per C target.
#include "kb_intrinsics.h"
