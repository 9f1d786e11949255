// The sealed originals of depersonalised data. When retention masks a
// kept message, an alert or an audit detail, the original is sealed here
// (table sealed_originals) so that it can be shown again under four eyes
// (unmask.h) until its deletion, and by no one else: it is encrypted with
// XChaCha20-Poly1305 (libsodium crypto_aead_xchacha20poly1305_ietf) under a
// 256-bit key kept in a file apart from the database, with the object name
// ("manifest:12") as associated data, so a sealed original cannot be moved
// to another object unnoticed. Someone holding the database alone reads
// only masked data; someone holding the key file alone holds nothing.
//
// The key file holds the key as 64 hex digits and a newline, readable by its
// owner only (0600). Its default place is "<database>.vault-key"; keep it
// on another volume, and back it up: without it the sealed originals are
// lost, which is deletion. A key is named by its key id (16 hex digits of a
// keyed BLAKE2b of the key), stored with each sealed original, so a wrong
// key file is reported as such rather than as corrupt data.
//
// Errors: InvalidArgument for a malformed or group/world-readable key file
// and for a key that is not the one that sealed an original; NotFound when
// nothing is sealed for an object; Corruption when a sealed original fails
// authentication (altered); IOError for files and the database.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/store.h"

namespace hudud::store {

// "<db_path>.vault-key".
std::string DefaultVaultKeyPath(const std::string& db_path);

class Vault {
 public:
  // Reads the key at `path`; NotFound when the file does not exist.
  static Result<Vault> Load(const std::string& path);
  // Reads the key at `path`, or creates a fresh one there (mode 0600,
  // exclusively, so two processes creating it at once agree) when the file
  // does not exist.
  static Result<Vault> LoadOrCreate(const std::string& path);
  // A vault from a key given as 64 hex digits (tests).
  static Result<Vault> FromHex(std::string_view hex);

  Vault(const Vault& other) = default;
  Vault& operator=(const Vault& other) = default;
  ~Vault();

  const std::string& key_id() const { return key_id_; }
  bool created() const { return created_; }  // LoadOrCreate made the file

  // Seals `original` for `object`, replacing what was sealed for it. Call
  // inside the caller's write transaction, with the masking it goes with.
  Status Seal(Store& store, const std::string& object, std::string_view original) const;

  // The original sealed for `object`.
  Result<std::string> Open(Store& store, const std::string& object) const;

 private:
  Vault() = default;
  std::array<unsigned char, 32> key_{};
  std::string key_id_;
  bool created_ = false;
};

// The vault key at `path` for a database: loaded, or created when the file
// does not exist and nothing is sealed yet. When originals are sealed and
// the file is missing, InvalidArgument (a new key could open none of them:
// restore the file or give its place) and no file is made.
Result<Vault> LoadOrCreateVault(Store& store, const std::string& path);

// Whether anything is sealed for `object`.
Result<bool> IsSealed(Store& store, const std::string& object);

// Removes what is sealed for `object` (nothing sealed: not an error).
// Inside the caller's write transaction, with the deletion it goes with.
Status DeleteSealed(Store& store, const std::string& object);

// How many originals are sealed, and how many of them with a key other than
// `vault`'s: a non-zero `other_key` means the key file given is not the one
// in use (a fresh key made where the old file was lost or not found).
struct SealedCount {
  int64_t total = 0;
  int64_t other_key = 0;
  std::string other_key_id;  // one of them, for the message
};
Result<SealedCount> CountSealed(Store& store, const Vault& vault);

}  // namespace hudud::store
