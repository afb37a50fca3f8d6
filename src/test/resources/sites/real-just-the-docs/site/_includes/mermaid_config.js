// prettier-ignore
{}
