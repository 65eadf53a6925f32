#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include "CSQLiteSession.h"

int fagu_session_start(sqlite3 *db, sqlite3_session **session) {
    int rc = sqlite3session_create(db, "main", session);
    if (rc != SQLITE_OK) return rc;
    return sqlite3session_attach(*session, NULL);
}

int fagu_session_changeset(sqlite3_session *session, int *size, void **changeset) {
    return sqlite3session_changeset(session, size, changeset);
}

void fagu_session_end(sqlite3_session *session) { sqlite3session_delete(session); }

void fagu_session_free(void *changeset) { sqlite3_free(changeset); }
