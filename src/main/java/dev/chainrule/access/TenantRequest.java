package dev.chainrule.access;

public record TenantRequest(String name) {
}
