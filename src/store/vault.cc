// Sealed originals (store/vault.h): the key file, XChaCha20-Poly1305 with
// the object as associated data, and the sealed_originals table.
#include "store/vault.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "store/db.h"

namespace hudud::store {
namespace {

constexpr size_t kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kMacBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kKeyBytes == 32, "the vault key is 32 bytes");

void InitSodium() {
  static const int kInit = sodium_init();
  (void)kInit;
}

// What a sealed original is bound to.
std::string AssociatedData(const std::string& object) { return "hudud.vault.v1|" + object; }

Status ErrnoError(const std::string& path, const char* what) {
  return Status::IOError(path + ": " + what + ": " + std::strerror(errno));
}

std::string KeyId(const std::array<unsigned char, 32>& key) {
  InitSodium();
  static constexpr unsigned char kContext[] = "hudud.vault.key-id";
  unsigned char id[8];
  crypto_generichash(id, sizeof id, kContext, sizeof kContext - 1, key.data(), key.size());
  char hex[2 * sizeof id + 1];
  sodium_bin2hex(hex, sizeof hex, id, sizeof id);
  return std::string(hex, 2 * sizeof id);
}

// The key file's content without surrounding white space; refuses a file
// group or others may read.
Result<std::string> ReadKeyText(int fd, const std::string& path) {
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    Status s = ErrnoError(path, "cannot read the vault key");
    close(fd);
    return s;
  }
  if ((st.st_mode & 077) != 0) {
    close(fd);
    return Status::InvalidArgument(path + ": the vault key is readable by others (chmod 600 " +
                                   path + ")");
  }
  std::string text;
  char buf[256];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      Status s = ErrnoError(path, "cannot read the vault key");
      close(fd);
      return s;
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > 1024) break;  // a key file is one line
  }
  sodium_memzero(buf, sizeof buf);
  close(fd);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

std::string DefaultVaultKeyPath(const std::string& db_path) { return db_path + ".vault-key"; }

Vault::~Vault() { sodium_memzero(key_.data(), key_.size()); }

Result<Vault> Vault::FromHex(std::string_view hex) {
  InitSodium();
  Vault v;
  size_t len = 0;
  if (hex.size() != 2 * kKeyBytes ||
      sodium_hex2bin(v.key_.data(), v.key_.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != kKeyBytes) {
    return Status::InvalidArgument("a vault key is " + std::to_string(2 * kKeyBytes) +
                                   " hex digits");
  }
  v.key_id_ = KeyId(v.key_);
  return v;
}

Result<Vault> Vault::Load(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return Status::NotFound(path +
                              ": no vault key there (it is made by the first retention "
                              "run; pass --vault-key FILE if it is elsewhere)");
    }
    return ErrnoError(path, "cannot open the vault key");
  }
  Result<std::string> text = ReadKeyText(fd, path);
  if (!text.ok()) return text.status();
  Result<Vault> v = FromHex(*text);
  sodium_memzero(text->data(), text->size());
  if (!v.ok()) return Status::InvalidArgument(path + ": " + v.status().message());
  return v;
}

Result<Vault> Vault::LoadOrCreate(const std::string& path) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    Result<Vault> existing = Load(path);
    if (existing.ok() || existing.status().code() != Status::Code::kNotFound) return existing;
    // O_EXCL: of two processes creating the key at once, one wins and the
    // other reads its key on the next attempt.
    const int out = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out < 0) {
      if (errno == EEXIST) continue;
      return ErrnoError(path, "cannot create the vault key");
    }
    InitSodium();
    Vault v;
    randombytes_buf(v.key_.data(), v.key_.size());
    v.key_id_ = KeyId(v.key_);
    v.created_ = true;
    char hex[2 * kKeyBytes + 1];
    sodium_bin2hex(hex, sizeof hex, v.key_.data(), v.key_.size());
    std::string text(hex, 2 * kKeyBytes);
    text += '\n';
    sodium_memzero(hex, sizeof hex);
    const bool written =
        write(out, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        fsync(out) == 0;
    Status failed = written ? Status::Ok() : ErrnoError(path, "cannot write the vault key");
    sodium_memzero(text.data(), text.size());
    close(out);
    if (!written) {
      unlink(path.c_str());
      return failed;
    }
    return v;
  }
  return Status::IOError(path + ": the vault key file appeared and vanished; try again");
}

Status Vault::Seal(Store& store, const std::string& object, std::string_view original) const {
  InitSodium();
  unsigned char nonce[kNonceBytes];
  randombytes_buf(nonce, sizeof nonce);
  std::vector<unsigned char> sealed(original.size() + kMacBytes);
  unsigned long long sealed_len = 0;
  const std::string ad = AssociatedData(object);
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      sealed.data(), &sealed_len, reinterpret_cast<const unsigned char*>(original.data()),
      original.size(), reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce,
      key_.data());
  Store::Impl& impl = *store.impl();
  Result<Stmt> ins = impl.Prepare(
      "INSERT OR REPLACE INTO sealed_originals (object, sealed_at, key_id, nonce, ciphertext) "
      "VALUES (?, ?, ?, ?, ?)");
  if (!ins.ok()) return ins.status();
  const std::string at = UtcNowIso8601();
  BindText(*ins, 1, object);
  BindText(*ins, 2, at);
  BindText(*ins, 3, key_id_);
  sqlite3_bind_blob(ins->get(), 4, nonce, sizeof nonce, SQLITE_STATIC);
  sqlite3_bind_blob64(ins->get(), 5, sealed.data(), sealed_len, SQLITE_STATIC);
  return impl.Run(*ins, "sealing the original of " + object);
}

Result<std::string> Vault::Open(Store& store, const std::string& object) const {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q =
      impl.Prepare("SELECT key_id, nonce, ciphertext FROM sealed_originals WHERE object = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, object);
  Result<bool> row = impl.Step(*q, "reading the sealed original of " + object);
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("nothing is sealed for " + object);
  sqlite3_stmt* s = q->get();
  const std::string key_id(ColumnText(s, 0));
  if (key_id != key_id_) {
    return Status::InvalidArgument("the original of " + object + " was sealed with vault key " +
                                   key_id + ", not with this key (" + key_id_ +
                                   "): give the right --vault-key");
  }
  const int nonce_len = sqlite3_column_bytes(s, 1);
  const auto* nonce = static_cast<const unsigned char*>(sqlite3_column_blob(s, 1));
  const int sealed_len = sqlite3_column_bytes(s, 2);
  const auto* sealed = static_cast<const unsigned char*>(sqlite3_column_blob(s, 2));
  if (nonce_len != static_cast<int>(kNonceBytes) || sealed_len < static_cast<int>(kMacBytes) ||
      nonce == nullptr || sealed == nullptr) {
    return Status::Corruption("the sealed original of " + object + " is malformed");
  }
  InitSodium();
  std::string out(static_cast<size_t>(sealed_len) - kMacBytes, '\0');
  unsigned long long out_len = 0;
  const std::string ad = AssociatedData(object);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &out_len, nullptr, sealed,
          static_cast<unsigned long long>(sealed_len),
          reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nonce, key_.data()) != 0) {
    return Status::Corruption("the sealed original of " + object +
                              " does not authenticate (altered, or moved from another object)");
  }
  out.resize(static_cast<size_t>(out_len));
  return out;
}

Result<Vault> LoadOrCreateVault(Store& store, const std::string& path) {
  Result<Vault> existing = Vault::Load(path);
  if (existing.ok() || existing.status().code() != Status::Code::kNotFound) return existing;
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare("SELECT count(*), max(key_id) FROM sealed_originals");
  if (!q.ok()) return q.status();
  Result<bool> row = impl.Step(*q, "counting the sealed originals");
  if (!row.ok()) return row.status();
  const int64_t sealed = sqlite3_column_int64(q->get(), 0);
  if (sealed > 0) {
    return Status::InvalidArgument(
        path + ": no vault key there, yet " + std::to_string(sealed) +
        " original(s) are sealed (with key " + std::string(ColumnText(q->get(), 1)) +
        "): restore the key file, or give its place with --vault-key; a new key could open none "
        "of them");
  }
  return Vault::LoadOrCreate(path);
}

Result<bool> IsSealed(Store& store, const std::string& object) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare("SELECT 1 FROM sealed_originals WHERE object = ?");
  if (!q.ok()) return q.status();
  BindText(*q, 1, object);
  return impl.Step(*q, "reading the sealed originals");
}

Status DeleteSealed(Store& store, const std::string& object) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> del = impl.Prepare("DELETE FROM sealed_originals WHERE object = ?");
  if (!del.ok()) return del.status();
  BindText(*del, 1, object);
  return impl.Run(*del, "deleting the sealed original of " + object);
}

Result<SealedCount> CountSealed(Store& store, const Vault& vault) {
  Store::Impl& impl = *store.impl();
  Result<Stmt> q = impl.Prepare(
      "SELECT count(*), sum(key_id <> ?1), max(CASE WHEN key_id <> ?1 THEN key_id END) "
      "FROM sealed_originals");
  if (!q.ok()) return q.status();
  BindText(*q, 1, vault.key_id());
  Result<bool> row = impl.Step(*q, "counting the sealed originals");
  if (!row.ok()) return row.status();
  SealedCount c;
  c.total = sqlite3_column_int64(q->get(), 0);
  c.other_key = sqlite3_column_int64(q->get(), 1);
  c.other_key_id = ColumnText(q->get(), 2);
  return c;
}

}  // namespace hudud::store
