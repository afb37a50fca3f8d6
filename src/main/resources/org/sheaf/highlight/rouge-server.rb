# sheaf's bridge to Rouge, for the languages sheaf has no lexer of its own for.
#
# sheaf starts this once per render with `ruby -e`, never through a shell, and talks to it over
# stdin and stdout in binary. The first line it writes says whether Rouge loaded:
#   "rouge VERSION\n"  or  "missing MESSAGE\n" (and it exits).
# Then, for each request "LANGUAGE_BYTES CODE_BYTES\n" followed by the language name and the code
# (UTF-8), it answers "ok HTML_BYTES\n" and the HTML Rouge's HTML formatter writes for the lexer
# Rouge::Lexer.find_fancy finds (plain text when none, as Jekyll's highlight tag does), or
# "error MESSAGE_BYTES\n" and the message when Rouge raised. It ends when its input does.
$stdin.binmode
$stdout.binmode

begin
  require "rouge"
rescue LoadError => e
  $stdout.write("missing #{e.message.tr("\n", " ")}\n")
  $stdout.flush
  exit 0
end

$stdout.write("rouge #{Rouge.version}\n")
$stdout.flush

formatter = Rouge::Formatters::HTML.new
while (header = $stdin.gets)
  sizes = header.split.map { |n| Integer(n) }
  abort "sheaf's Rouge bridge: bad request header #{header.inspect}" unless sizes.size == 2
  language = $stdin.read(sizes[0]).to_s.force_encoding(Encoding::UTF_8)
  code = $stdin.read(sizes[1]).to_s.force_encoding(Encoding::UTF_8)
  begin
    lexer = Rouge::Lexer.find_fancy(language, code) || Rouge::Lexers::PlainText
    answer = formatter.format(lexer.lex(code)).b
    $stdout.write("ok #{answer.bytesize}\n")
  rescue StandardError => e
    answer = "#{e.class}: #{e.message}".b
    $stdout.write("error #{answer.bytesize}\n")
  end
  $stdout.write(answer)
  $stdout.flush
end
