fn main() {
    std::process::exit(baocao::run());
}
