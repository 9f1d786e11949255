// Pins ParseEdifact (travel/edifact.cc), the syntax layer under PAXLST and
// PNRGOV: service string advice, defaults, the release character, wrapped
// lines, transport headers and footers, newline-only terminators, character
// sets, errors naming segment and line, and concatenated interchanges.
#include "travel/edifact.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace hudud::travel {
namespace {

EdifactInterchange Parse(std::string_view bytes) {
  Result<EdifactInterchange> r = ParseEdifact(bytes);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : EdifactInterchange{};
}

std::vector<std::string> Tags(const EdifactInterchange& ic) {
  std::vector<std::string> out;
  for (const EdifactSegment& s : ic.segments) out.push_back(s.tag);
  return out;
}

using TagList = std::vector<std::string>;

TEST(EdifactTest, DefaultsWithoutUna) {
  EdifactInterchange ic = Parse(
      "UNB+UNOA:4+XXAIR:ZZ+KWTAPIS:ZZ+241104:0930+1'UNH+1+PAXLST:D:05B:UN:IATA'"
      "NAD+FL+++DOE:JOHN'UNT+3+1'UNZ+1+1'");
  EXPECT_FALSE(ic.had_una);
  EXPECT_EQ(ic.separators.component, ':');
  EXPECT_EQ(ic.separators.element, '+');
  EXPECT_EQ(ic.separators.release, '?');
  EXPECT_EQ(ic.separators.terminator, '\'');
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "UNH", "NAD", "UNT", "UNZ"}));
  const EdifactSegment& nad = ic.segments[2];
  EXPECT_EQ(nad.number, 3);
  ASSERT_EQ(nad.elements.size(), 4u);
  EXPECT_EQ(nad.at(1), "FL");
  EXPECT_EQ(nad.at(2), "");  // empty middle elements are kept as empty
  EXPECT_EQ(nad.at(4, 0), "DOE");
  EXPECT_EQ(nad.at(4, 1), "JOHN");
  EXPECT_EQ(nad.at(4, 2), "");  // absent component
  EXPECT_EQ(nad.at(9, 9), "");  // absent element: never out of range
  EXPECT_EQ(nad.ToString(), "NAD+FL+++DOE:JOHN");
  EXPECT_TRUE(ic.warnings.empty());
}

TEST(EdifactTest, UnaDeclaresEverySeparator) {
  EdifactInterchange ic = Parse(
      "UNA:*.? #UNB*UNOA:4*XX*YY*241104:0930*7#UNH*1*PAXLST:D:05B#NAD*FL***O'NEIL:SEAN#"
      "UNT*3*1#UNZ*1*7#");
  EXPECT_TRUE(ic.had_una);
  EXPECT_EQ(ic.separators.component, ':');
  EXPECT_EQ(ic.separators.element, '*');
  EXPECT_EQ(ic.separators.decimal, '.');
  EXPECT_EQ(ic.separators.release, '?');
  EXPECT_EQ(ic.separators.repetition, ' ');
  EXPECT_EQ(ic.separators.terminator, '#');
  ASSERT_EQ(ic.segments.size(), 5u);
  EXPECT_EQ(ic.segments[0].number, 1);           // UNA is not counted
  EXPECT_EQ(ic.segments[2].at(4, 0), "O'NEIL");  // an apostrophe is data here
  EXPECT_EQ(ic.segments[1].at(2, 1), "D");
}

TEST(EdifactTest, BackslashReleaseAndRepetitionCharacter) {
  EdifactInterchange ic = Parse(
      "UNA:+.\\*'UNB+UNOA:4+APIS*XX+YY+241104:0930+7'NAD+FL+++O\\'NEIL:A\\\\B\\+C\\:D'"
      "UNZ+0+7'");
  EXPECT_EQ(ic.separators.release, '\\');
  EXPECT_EQ(ic.separators.repetition, '*');
  ASSERT_EQ(ic.segments.size(), 3u);
  EXPECT_EQ(ic.segments[0].at(2), "APIS*XX");  // the repetition character stays data
  EXPECT_EQ(ic.segments[1].at(4, 0), "O'NEIL");
  EXPECT_EQ(ic.segments[1].at(4, 1), "A\\B+C:D");
}

TEST(EdifactTest, ReleaseCharacterReleasesEveryServiceCharacterAndItself) {
  EdifactInterchange ic =
      Parse("UNB+UNOA:4+XX+YY+241104:0930+7'FTX+AAI+++10?+10 IS 20?:O?'NEIL??:X?''UNZ+0+7'");
  ASSERT_EQ(ic.segments.size(), 3u);
  const EdifactSegment& ftx = ic.segments[1];
  ASSERT_EQ(ftx.elements.size(), 4u);
  ASSERT_EQ(ftx.elements[3].size(), 2u);
  EXPECT_EQ(ftx.at(4, 0), "10+10 IS 20:O'NEIL?");
  EXPECT_EQ(ftx.at(4, 1), "X'");
  // ToString releases them again.
  EXPECT_EQ(ftx.ToString(), "FTX+AAI+++10?+10 IS 20?:O?'NEIL??:X?'");
}

TEST(EdifactTest, LinesWrappedInsideSegmentsAreJoined) {
  // Type-B style: 20-column lines, a break inside a tag, a value and after a
  // release character.
  const std::string wrapped =
      "UNB+UNOA:4+XX+YY+24\r\n"
      "1104:0930+7'NAD+FL+\r\n"
      "++IVANOVA:IRINA'N\r\n"
      "AT+2+RUS'RFF+AVF:O?\r\n"
      "'K'UNZ+0+7'\r\n";
  EdifactInterchange ic = Parse(wrapped);
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "NAD", "NAT", "RFF", "UNZ"}));
  EXPECT_EQ(ic.segments[0].at(4, 0), "241104");
  EXPECT_EQ(ic.segments[1].at(4, 0), "IVANOVA");
  EXPECT_EQ(ic.segments[2].at(2), "RUS");
  EXPECT_EQ(ic.segments[2].line, 3);  // where the tag begins
  EXPECT_EQ(ic.segments[3].at(1, 1), "O'K");
  EXPECT_EQ(ic.segments[4].line, 5);
}

TEST(EdifactTest, TelexHeaderIsSkippedAndFooterIgnored) {
  const std::string header = "\x01QP GBRRMOK\r\n.HDQCRA9 130631\r\n\x02";
  const std::string body = "UNA:+.? 'UNB+UNOA:4+XX+YY+241104:0930+7'UNZ+0+7'";
  const std::string footer = "\r\n27AUG21 0031Z\r\n\x03";
  EdifactInterchange ic = Parse(header + body + footer);
  EXPECT_EQ(ic.skipped_prefix_bytes, header.size());
  EXPECT_TRUE(ic.had_una);
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "UNZ"}));
  EXPECT_EQ(ic.segments[0].line, 3);
  EXPECT_EQ(ic.segments[0].offset, header.size() + 9);
  EXPECT_EQ(ic.end_offset, header.size() + body.size());
  EXPECT_TRUE(ic.warnings.empty());
}

TEST(EdifactTest, NewlineOnlyTerminatorsReadOneSegmentPerLine) {
  EdifactInterchange ic = Parse("UNB+UNOA:4+XX+YY+241104:0930+7\nNAD+FL+++DOE:JOHN\nUNZ+0+7\n");
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "NAD", "UNZ"}));
  EXPECT_EQ(ic.segments[1].at(4, 1), "JOHN");
  EXPECT_EQ(ic.segments[2].line, 3);
  ASSERT_EQ(ic.warnings.size(), 1u);
  EXPECT_NE(ic.warnings[0].find("no segment terminator"), std::string::npos) << ic.warnings[0];
}

TEST(EdifactTest, ReleasedApostropheDoesNotEndNewlineOnlyMode) {
  EdifactInterchange ic = Parse("UNB+UNOA:4+XX+YY+241104:0930+7\nNAD+FL+++O?'NEIL:SEAN\nUNZ+0+7\n");
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "NAD", "UNZ"}));
  EXPECT_EQ(ic.segments[1].at(4, 0), "O'NEIL");
}

TEST(EdifactTest, ManyInterchangesWithoutTerminatorsStayLinear) {
  // Each interchange looks for its terminator in its own head only.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "UNB+UNOA:4+X+Y+241104:0930+1\nUNZ+0+1\n";
  size_t offset = 0;
  int read = 0;
  while (offset < many.size()) {
    Result<EdifactInterchange> r = ParseEdifact(std::string_view(many).substr(offset));
    ASSERT_TRUE(r.ok());
    offset += r->end_offset;
    ++read;
  }
  EXPECT_EQ(read, 20000);
}

TEST(EdifactTest, UnaWithNewlineTerminatorCountsLines) {
  EdifactInterchange ic =
      Parse("UNA:+.? \nUNB+UNOA:4+XX+YY+241104:0930+7\nFTX+AAI+++A?\nB\nUNZ+0+7\n");
  EXPECT_EQ(ic.separators.terminator, '\n');
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "FTX", "UNZ"}));
  EXPECT_EQ(ic.segments[0].line, 2);
  EXPECT_EQ(ic.segments[1].line, 3);
  EXPECT_EQ(ic.segments[1].at(4), "A\nB");  // a released terminator is data
  EXPECT_EQ(ic.segments[2].line, 5);
}

TEST(EdifactTest, InvalidTagNamesSegmentAndLine) {
  Result<EdifactInterchange> r = ParseEdifact(
      "UNB+UNOA:4+XX+YY+241104:0930+7'\nUNH+1+PAXLST'\nBGM+745'\nN@D+FL+++DOE'\nUNZ+0+7'\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find("segment 4 (line 4)"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("'N@D'"), std::string::npos) << r.status().message();
}

TEST(EdifactTest, TagWithComponentsIsInvalid) {
  Result<EdifactInterchange> r = ParseEdifact("UNB+UNOA:4+XX+YY+241104:0930+7'NAD:X+FL'UNZ+0+7'");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("segment 2 (line 1)"), std::string::npos)
      << r.status().message();
}

TEST(EdifactTest, NoInterchangeIsAnError) {
  for (const char* input : {"", "hello world", "QP GBRRMOK\r\n.HDQCRA9 130631\r\n", "XUNB+1'"}) {
    Result<EdifactInterchange> r = ParseEdifact(input);
    ASSERT_FALSE(r.ok()) << input;
    EXPECT_NE(r.status().message().find("no EDIFACT interchange"), std::string::npos)
        << r.status().message();
  }
}

TEST(EdifactTest, MissingUnzAndTerminatorAreWarnings) {
  EdifactInterchange ic = Parse("UNB+UNOA:4+XX+YY+241104:0930+7'NAD+FL+++DOE");
  EXPECT_EQ(Tags(ic), (TagList{"UNB", "NAD"}));
  ASSERT_EQ(ic.warnings.size(), 2u);
  EXPECT_NE(ic.warnings[0].find("segment 2 (line 1): segment NAD has no terminator"),
            std::string::npos)
      << ic.warnings[0];
  EXPECT_NE(ic.warnings[1].find("no UNZ"), std::string::npos) << ic.warnings[1];
}

TEST(EdifactTest, UnocIsLatin1) {
  // "MÜLLER:JÜRGEN" in ISO 8859-1.
  EdifactInterchange ic =
      Parse("UNB+UNOC:3+XX+YY+241104:0930+7'NAD+FL+++M\xDCLLER:J\xDCRGEN'UNZ+0+7'");
  ASSERT_EQ(ic.segments.size(), 3u);
  EXPECT_EQ(ic.segments[1].at(4, 0), "M\xC3\x9CLLER");
  EXPECT_EQ(ic.segments[1].at(4, 1), "J\xC3\x9CRGEN");
  EXPECT_TRUE(ic.warnings.empty());
}

TEST(EdifactTest, Utf8LabelledUnocIsReadAsUtf8WithAWarning) {
  EdifactInterchange ic =
      Parse("UNB+UNOC:3+XX+YY+241104:0930+7'NAD+FL+++M\xc3\x9cLLER:J\xc3\x96RG'UNZ+0+7'");
  EXPECT_EQ(ic.segments[1].at(4, 0), "MÜLLER");
  EXPECT_EQ(ic.segments[1].at(4, 1), "JÖRG");
  ASSERT_EQ(ic.warnings.size(), 1u);
  EXPECT_NE(ic.warnings[0].find("UTF-8"), std::string::npos);
}

TEST(EdifactTest, UnoeIsCyrillic) {
  // "ИВАНОВА" in ISO 8859-5: И=0xB8 В=0xB2 А=0xB0 Н=0xBD О=0xBE.
  EdifactInterchange ic =
      Parse("UNB+UNOE:3+XX+YY+241104:0930+7'NAD+FL+++\xB8\xB2\xB0\xBD\xBE\xB2\xB0'UNZ+0+7'");
  ASSERT_EQ(ic.segments.size(), 3u);
  EXPECT_EQ(ic.segments[1].at(4, 0), "ИВАНОВА");
}

TEST(EdifactTest, UtfEightKeptAndInvalidBytesReadAsLatin1WithWarning) {
  EdifactInterchange good =
      Parse("UNB+UNOW:4+XX+YY+241104:0930+7'NAD+FL+++KARIMI:FATEMEH+تهران'UNZ+0+7'");
  EXPECT_EQ(good.segments[1].at(5), "تهران");
  EXPECT_TRUE(good.warnings.empty());

  // Level A declared, yet a Latin-1 byte (as in NAD+FL+++ALI YYÉ seen in the wild).
  EdifactInterchange bad = Parse("UNB+UNOA:4+XX+YY+241104:0930+7'NAD+FL+++ALI YY\xC9'UNZ+0+7'");
  EXPECT_EQ(bad.segments[1].at(4), "ALI YY\xC3\x89");
  ASSERT_EQ(bad.warnings.size(), 1u);
  EXPECT_NE(bad.warnings[0].find("segment 2 (line 1)"), std::string::npos) << bad.warnings[0];
  EXPECT_NE(bad.warnings[0].find("ISO 8859-1"), std::string::npos) << bad.warnings[0];
}

TEST(EdifactTest, ConcatenatedInterchangesViaEndOffset) {
  const std::string first = "UNA:*.? #UNB*UNOA:4*XX*YY*241104:0930*1#UNZ*0*1#";
  const std::string second = "\r\nUNB+UNOA:4+XX+YY+241104:0931+2'UNZ+0+2'\r\nNNNN\r\n";
  const std::string all = first + second;
  EdifactInterchange a = Parse(all);
  EXPECT_EQ(a.end_offset, first.size());
  ASSERT_EQ(a.segments.size(), 2u);
  EXPECT_EQ(a.segments[0].at(5), "1");
  // The second has its own (default) separators: UNA does not carry over.
  EdifactInterchange b = Parse(std::string_view(all).substr(a.end_offset));
  EXPECT_FALSE(b.had_una);
  EXPECT_EQ(b.separators.element, '+');
  ASSERT_EQ(b.segments.size(), 2u);
  EXPECT_EQ(b.segments[0].at(5), "2");
  EXPECT_EQ(b.segments[0].number, 1);
  EXPECT_EQ(a.end_offset + b.end_offset, all.size() - std::string("\r\nNNNN\r\n").size());
}

TEST(EdifactTest, LooksLikeEdifactMessage) {
  EXPECT_TRUE(LooksLikeEdifactMessage("UNB+UNOA:4+X+Y+1:1+1'UNH+1+PAXLST:D:05B'", "PAXLST"));
  EXPECT_FALSE(LooksLikeEdifactMessage("UNB+UNOA:4+X+Y+1:1+1'UNH+1+PNRGOV:11:1'", "PAXLST"));
  EXPECT_FALSE(LooksLikeEdifactMessage("PAXLST", "PAXLST"));
}

}  // namespace
}  // namespace hudud::travel
