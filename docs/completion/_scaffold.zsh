#compdef scaffold
# zsh completion for scaffold: asks the tool itself through System.CommandLine's [suggest:N] directive.
_scaffold() {
    local line="${(j: :)words[1,CURRENT]}"
    local -a items
    items=("${(@f)$(scaffold "[suggest:${#line}]" "$line" 2>/dev/null)}")
    compadd -a items
}
compdef _scaffold scaffold
