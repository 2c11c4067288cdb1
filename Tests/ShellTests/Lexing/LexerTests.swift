import Testing

@testable import Shell

@Suite struct LexerTests {
  let lexer = Lexer(variables: ["entry": "cen123", "who": "Ada Lovelace", "empty": ""])

  func texts(_ line: String) throws -> [String] {
    try lexer.words(in: line).map(\.text)
  }

  func error(_ line: String) -> LexError? {
    do {
      _ = try lexer.words(in: line)
      return nil
    } catch {
      return error
    }
  }

  @Test func splitsOnUnquotedWhitespaceAndKeepsColumns() throws {
    let words = try lexer.words(in: "  submit\t--wait  2.5 ")
    #expect(words.map(\.text) == ["submit", "--wait", "2.5"])
    #expect(words.map(\.column) == [3, 10, 18])
  }

  @Test func singleQuotesAreLiteral() throws {
    #expect(try texts(#"use 'Sales $entry \n "x"'"#) == ["use", #"Sales $entry \n "x""#])
  }

  @Test func doubleQuotesKeepSpacesAndExpandVariables() throws {
    #expect(try texts(#"set name "Team of $who""#) == ["set", "name", "Team of Ada Lovelace"])
  }

  @Test func doubleQuotesHonourOnlyTheirEscapes() throws {
    #expect(try texts(#"x "a\"b\\c\$d\ne""#) == ["x", #"a"b\c$d\ne"#])
  }

  @Test func backslashEscapesOutsideQuotes() throws {
    #expect(try texts(##"load my\ roster.csv \#x \'"##) == ["load", "my roster.csv", "#x", "'"])
  }

  @Test func adjacentQuotedPartsJoinIntoOneWord() throws {
    #expect(try texts(#"a'b c'"d e"f"#) == ["ab cd ef"])
  }

  @Test func emptyQuotesMakeAnEmptyWord() throws {
    #expect(try texts(#"set x """#) == ["set", "x", ""])
    #expect(try texts("set x ''") == ["set", "x", ""])
  }

  @Test func commentsStartAtAWordBoundaryOnly() throws {
    #expect(try texts("# a whole comment").isEmpty)
    #expect(try texts("status --stuck # why: check") == ["status", "--stuck"])
    #expect(try texts("set tag a#b '#c'") == ["set", "tag", "a#b", "#c"])
  }

  @Test func variablesExpandBareAndBraced() throws {
    #expect(
      try texts("load --entry $entry ${entry}x $entry.csv") == [
        "load", "--entry", "cen123", "cen123x", "cen123.csv",
      ])
  }

  @Test func variableExpandsToOneWordEvenWithSpaces() throws {
    #expect(try texts("status --user $who") == ["status", "--user", "Ada Lovelace"])
  }

  @Test func dollarWithoutANameStaysLiteral() throws {
    #expect(try texts("set price $5 $ end") == ["set", "price", "$5", "$", "end"])
  }

  @Test func quotedWordsAreMarked() throws {
    let words = try lexer.words(in: #"x "--help" --help"#)
    #expect(words.map(\.wasQuoted) == [false, true, false])
  }

  @Test func unterminatedSingleQuoteNamesItsColumn() {
    let error = error("use 'Sales")
    #expect(error == LexError(.unterminatedSingleQuote, column: 5))
    #expect(error?.description == "unterminated single quote starting at column 5")
  }

  @Test func unterminatedDoubleQuoteNamesItsColumn() {
    #expect(error(#"set x "abc"#) == LexError(.unterminatedDoubleQuote, column: 7))
    #expect(error(#"set x "abc\"#) == LexError(.unterminatedDoubleQuote, column: 7))
  }

  @Test func trailingBackslashIsAnError() {
    #expect(error(#"load file\"#) == LexError(.danglingEscape, column: 10))
  }

  @Test func undefinedVariableIsAnErrorThatSaysHowToSetIt() {
    let error = error("load $roster")
    #expect(error == LexError(.undefinedVariable("roster"), column: 6))
    #expect(error?.description.contains("set roster VALUE") == true)
    #expect(self.error(#"x "in $nope""#) == LexError(.undefinedVariable("nope"), column: 7))
  }

  @Test func malformedBracedVariableIsAnError() {
    #expect(error("x ${entry") == LexError(.malformedVariable, column: 3))
    #expect(error("x ${1bad}") == LexError(.malformedVariable, column: 3))
  }

  @Test func emptyVariableStillCountsAsDefined() throws {
    #expect(try texts("x \"$empty\"") == ["x", ""])
  }
}
