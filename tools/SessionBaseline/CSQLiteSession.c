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

/* Concurrent edits: the incoming change replaces the local one, as plain replication does;
   anything else that conflicts is left out. */
static int fagu_session_conflict(void *context, int conflict, sqlite3_changeset_iter *iterator) {
    (void)context;
    (void)iterator;
    if (conflict == SQLITE_CHANGESET_DATA || conflict == SQLITE_CHANGESET_CONFLICT) return SQLITE_CHANGESET_REPLACE;
    return SQLITE_CHANGESET_OMIT;
}

int fagu_changeset_apply(sqlite3 *db, int size, void *changeset) {
    return sqlite3changeset_apply(db, size, changeset, NULL, fagu_session_conflict, NULL);
}

int fagu_changeset_count(int size, void *changeset, int *inserts, int *updates, int *deletes) {
    sqlite3_changeset_iter *iterator = NULL;
    int rc = sqlite3changeset_start(&iterator, size, changeset);
    if (rc != SQLITE_OK) return rc;
    *inserts = *updates = *deletes = 0;
    while (sqlite3changeset_next(iterator) == SQLITE_ROW) {
        const char *table = NULL;
        int columns = 0, op = 0, indirect = 0;
        rc = sqlite3changeset_op(iterator, &table, &columns, &op, &indirect);
        if (rc != SQLITE_OK) break;
        if (op == SQLITE_INSERT) (*inserts)++;
        else if (op == SQLITE_UPDATE) (*updates)++;
        else if (op == SQLITE_DELETE) (*deletes)++;
    }
    int finished = sqlite3changeset_finalize(iterator);
    return rc != SQLITE_OK ? rc : finished;
}
