// Loading the screening inputs kept in the store (screening/loaders.h).
#include "screening/loaders.h"

#include "store/documents.h"
#include "store/rules.h"

namespace hudud::screening {

Result<targeting::ReportedDocumentIndex> LoadReportedDocuments(store::Store& store) {
  Result<std::vector<store::LostDocument>> docs = store::LoadLostDocuments(store);
  if (!docs.ok()) return docs.status();
  std::vector<targeting::ReportedDocument> reported;
  reported.reserve(docs->size());
  for (store::LostDocument& d : *docs) {
    reported.push_back({std::move(d.number), std::move(d.country), std::move(d.type),
                        std::move(d.status), std::move(d.source), std::move(d.reference)});
  }
  return targeting::ReportedDocumentIndex(std::move(reported));
}

Result<std::vector<targeting::TargetingRule>> LoadActiveRules(store::Store& store) {
  store::RuleBook book(store);
  Result<std::vector<store::RuleVersion>> active = book.Active();
  if (!active.ok()) return active.status();
  std::vector<targeting::TargetingRule> rules;
  for (const store::RuleVersion& v : *active) {
    Result<travel::RuleExpression> e = travel::RuleExpression::Parse(v.expression);
    if (!e.ok()) {
      return Status::Corruption("active rule '" + v.name + "' version " +
                                std::to_string(v.version) +
                                " no longer parses: " + e.status().message());
    }
    rules.push_back({v.name, v.version, std::move(*e)});
  }
  return rules;
}

}  // namespace hudud::screening
