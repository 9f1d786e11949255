// Held subjects as they arrive (a CSV with a header, or JSON lines: `hudud
// subjects import`, POST /v1/subjects) and as JSON.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/json.h"
#include "base/status.h"
#include "monitor/rescreen.h"
#include "store/monitoring.h"

namespace hudud::api {

// Reads subjects from `content` as `format`: "csv" (a header with id, name
// and any of aliases (';'-separated), dob, nationality, document,
// document_country, gender, kind; the screening batch names names, doc,
// doc_country and type too), "jsonl" (one object a line with the same keys;
// other keys are the holder's and are ignored) or "auto" (JSON lines when
// the content starts with '{'). Every subject is checked the way a
// re-screen reads it. InvalidArgument "<source_name>, line N: ..." for a
// bad row, an unknown column, a missing id or name; an id given twice is
// refused.
Result<std::vector<store::Subject>> ParseSubjects(std::string_view content,
                                                  const std::string& format,
                                                  const std::string& source_name);

// {"subjects","added","changed","unchanged","hits","alerts_raised","seconds"}:
// what an import stored and what screening the imported subjects found.
Json SubjectsImportJson(size_t subjects, const store::SubjectImport& stored,
                        const monitor::RescreenReport& screened);

// {"id","names","dob","nationality","document","document_country","gender","kind"}.
Json SubjectJson(const store::Subject& subject);

}  // namespace hudud::api
