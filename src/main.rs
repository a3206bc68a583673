//! The `orgtui` binary.

fn main() {
    println!("orgtui");
}
