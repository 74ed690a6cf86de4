<?php
// Prints Symfony HttpFoundation's Response::HTTP_* status constants, one
// `<name>\t<value>` a line, for tests/upstream_http.rs. Argument: the
// autoload.php of the installed package.
require $argv[1];

$response = new ReflectionClass(Symfony\Component\HttpFoundation\Response::class);
foreach ($response->getConstants() as $name => $value) {
    // HTTP_RESPONSE_CACHE_CONTROL_DIRECTIVES is an array, not a status.
    if (str_starts_with($name, 'HTTP_') && is_int($value)) {
        echo $name, "\t", $value, "\n";
    }
}
