# Prints Rack's version and its status symbols (what Rails' `status:` accepts),
# for tests/upstream_http.rs, tab-separated:
#
#     version  <Rack.release>
#     symbol   <symbol as Ruby writes it, :not_found> <code>
require 'rack'
require 'rack/utils'

puts "version\t#{Rack.release}"
Rack::Utils::SYMBOL_TO_STATUS_CODE.each do |symbol, code|
  puts "symbol\t#{symbol.inspect}\t#{code}"
end
