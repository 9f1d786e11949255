// Pins ReadListFile (lists/list_file.cc): format detection, and errors that
// name the file.
#include "lists/list_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace hudud::lists {
namespace {

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/hudud_list_file_test_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

bool Contains(const Status& s, const std::string& part) {
  return s.message().find(part) != std::string::npos;
}

TEST(ReadListFileTest, AutoDetectsTheVendoredUnList) {
  Result<ParsedList> r =
      ReadListFile(HUDUD_DATA_DIR "/lists/un-consolidated-2026-02-27.xml", "auto");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->format, "un-xml");
  EXPECT_EQ(r->list_id, "un");
  EXPECT_EQ(r->entities.size(), 730u + 273u);
}

TEST(ReadListFileTest, ExplicitFormat) {
  const std::string path = WriteTemp("explicit.xml",
                                     "<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID>"
                                     "<FIRST_NAME>X</FIRST_NAME></ENTITY></ENTITIES>"
                                     "</CONSOLIDATED_LIST>");
  Result<ParsedList> r = ReadListFile(path, "un-xml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->entities.size(), 1u);
  EXPECT_EQ(r->entities[0].id, "un:1");
}

TEST(ReadListFileTest, UnrecognisedContentIsUnsupportedNamingTheFile) {
  const std::string path = WriteTemp("sdn.csv", "ent_num,SDN_Name\n1,SOMEONE\n");
  Result<ParsedList> r = ReadListFile(path, "auto");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_TRUE(Contains(r.status(), path)) << r.status().message();
  EXPECT_TRUE(Contains(r.status(), "un-xml")) << r.status().message();
}

TEST(ReadListFileTest, UnknownFormatIsUnsupported) {
  const std::string path = WriteTemp("fmt.xml", "<CONSOLIDATED_LIST/>");
  Result<ParsedList> r = ReadListFile(path, "pdf");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kUnsupported);
  EXPECT_TRUE(Contains(r.status(), path));
  EXPECT_TRUE(Contains(r.status(), "ofac-xml"));  // the message lists what is supported
}

TEST(ReadListFileTest, AFileInAnotherFormatThanNamedIsAnErrorNamingTheFile) {
  const std::string path = WriteTemp("fmt2.xml", "<CONSOLIDATED_LIST/>");
  Result<ParsedList> r = ReadListFile(path, "ofac-xml");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Contains(r.status(), path));
  EXPECT_TRUE(Contains(r.status(), "sdnList"));
}

TEST(ReadListFileTest, EveryFormatIsDetected) {
  struct Case {
    const char* file;
    const char* head;
    const char* format;
  } cases[] = {
      {"a.xml", "<?xml?><CONSOLIDATED_LIST dateGenerated=\"x\">", "un-xml"},
      {"b.xml", "<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\">", "ofac-xml"},
      {"c.xml", "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">", "eu-xml"},
      {"d.xml", "<Designations><Designation>", "uk-xml"},
      {"e.xml", "<ArrayOfFinancialSanctionsTarget>", "uk-xml"},
      {"f.csv", "Report Date: 1-Jan-2026\nLast Updated,Unique ID,Name 6,Name 1\n", "uk-csv"},
      {"g.csv", "Last Updated,04/06/2024\nName 6,Name 1,Group ID\n", "uk-csv"},
      {"h.json", "{\"id\": \"x\", \"schema\": \"Person\"}\n", "ftm-json"},
      {"sdn.csv", "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\n", "ofac-csv"},
  };
  for (const Case& c : cases) EXPECT_EQ(DetectListFormat(c.head, c.file), c.format) << c.file;
  EXPECT_EQ(DetectListFormat("name,dob\nAli,1970\n", "people.csv"), "");
}

TEST(ReadListFileTest, MissingFileIsAnIOErrorNamingIt) {
  const std::string path = ::testing::TempDir() + "/hudud_no_such_list.xml";
  std::filesystem::remove(path);
  Result<ParsedList> r = ReadListFile(path, "auto");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  EXPECT_TRUE(Contains(r.status(), path)) << r.status().message();
}

TEST(ReadListFileTest, DirectoryIsAnIOError) {
  Result<ParsedList> r = ReadListFile(::testing::TempDir(), "auto");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
}

TEST(ReadListFileTest, MalformedContentNamesFileAndLine) {
  const std::string path =
      WriteTemp("broken.xml", "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n</ENTITY>\n");
  Result<ParsedList> r = ReadListFile(path, "auto");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_TRUE(Contains(r.status(), path + ", line 4: malformed XML")) << r.status().message();
}

}  // namespace
}  // namespace hudud::lists
