// Status::ToString: category prefix plus message.
#include "base/status.h"

namespace hudud {

std::string Status::ToString() const {
  if (ok()) return "OK";
  const char* prefix = "";
  switch (state_->code) {
    case Code::kOk:
      prefix = "OK";
      break;
    case Code::kInvalidArgument:
      prefix = "Invalid argument";
      break;
    case Code::kNotFound:
      prefix = "Not found";
      break;
    case Code::kCorruption:
      prefix = "Corruption";
      break;
    case Code::kIOError:
      prefix = "IO error";
      break;
    case Code::kUnsupported:
      prefix = "Unsupported";
      break;
    case Code::kInternal:
      prefix = "Internal error";
      break;
  }
  return std::string(prefix) + ": " + state_->message;
}

}  // namespace hudud
