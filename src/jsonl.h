/*
 * jsonl.h - the JSON Lines reader's second path, for tests: the record as
 * jansson alone reads it (ekg_jsonl_parse() tries a faster scanner first).
 */
#ifndef EKG_JSONL_H
#define EKG_JSONL_H

#include "ekg.h"

int ekg_jsonl_parse_jansson(const char *line, size_t len, size_t lineno, const char *source,
                            ekg_jsonl_doc *doc, ekg_error *err);

#endif
