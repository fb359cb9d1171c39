package dev.ami.admin.rest.v1;

/**
 * The body of {@code POST /accounts/{name}/rename}.
 *
 * @param name the account's new name
 */
record RenameInput(@AccountName String name) {
}
