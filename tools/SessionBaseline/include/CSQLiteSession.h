// SQLite's session extension, for the wire benchmark's baseline only: the changeset
// SQLite itself would produce for the same day of writes.
#ifndef FAGU_CSQLITESESSION_H
#define FAGU_CSQLITESESSION_H

#include <stddef.h>

struct sqlite3;
struct sqlite3_session;

/// Starts recording every change to every table of `db`'s main database.
int fagu_session_start(struct sqlite3 *db, struct sqlite3_session **session);
/// The recorded changeset; free it with fagu_session_free.
int fagu_session_changeset(struct sqlite3_session *session, int *size, void **changeset);
/// Ends recording.
void fagu_session_end(struct sqlite3_session *session);
/// Frees a changeset.
void fagu_session_free(void *changeset);
/// Applies a changeset to `db` (sqlite3changeset_apply); on a conflict the incoming change wins.
int fagu_changeset_apply(struct sqlite3 *db, int size, void *changeset);
/// Counts the row changes a changeset holds: one per row, its net change over the session.
int fagu_changeset_count(int size, void *changeset, int *inserts, int *updates, int *deletes);

#endif
