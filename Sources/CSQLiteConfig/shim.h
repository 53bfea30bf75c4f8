#include <sqlite3.h>

/// Puts SQLite in multi-thread mode without memory statistics, before anything in the process
/// opens a connection (afterwards SQLite refuses, and this returns SQLITE_MISUSE). Debian builds
/// SQLite serialized: every call then takes its connection's mutex, and every allocation a
/// global one for the statistics. kb never shares a connection between threads at once (GRDB
/// serializes each one), which is what multi-thread mode asks. sqlite3_config is variadic, out
/// of Swift's reach: hence this header.
static inline int kb_sqlite_config_multithread(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc == SQLITE_OK) rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return rc;
}
