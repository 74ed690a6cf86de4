# Prints a Rack release's status symbols (what Rails' `status:` accepts), for
# tests/upstream_http.rs, tab-separated:
#
#     version  <Rack.release>
#     symbol   <symbol as Ruby writes it, :not_found> <code>   SYMBOL_TO_STATUS_CODE
#     accepts  <symbol> <code> <quiet|warns>                  each argument status_code() takes
#
# The arguments are symbols to try (`payload_too_large`); one status_code()
# refuses is left out. Run with `-I <rack>/lib` to pick the release.
require 'stringio'
require 'rack'
require 'rack/utils'

puts "version\t#{Rack.release}"
Rack::Utils::SYMBOL_TO_STATUS_CODE.each do |symbol, code|
  puts "symbol\t#{symbol.inspect}\t#{code}"
end
ARGV.each do |text|
  symbol = text.to_sym
  captured = StringIO.new
  saved = $stderr
  $stderr = captured
  begin
    code = Rack::Utils.status_code(symbol)
  rescue ArgumentError
    code = nil
  ensure
    $stderr = saved
  end
  next if code.nil?
  puts "accepts\t#{symbol.inspect}\t#{code}\t#{captured.string.empty? ? 'quiet' : 'warns'}"
end
