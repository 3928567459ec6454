/**
 * Search Guard settings as OpenSearch Security ones. Multi-tenancy is off in
 * Search Guard unless `sg_frontend_multi_tenancy.yml` turns it on, but on by
 * default in OpenSearch, and Search Guard FLX has no private tenants: both
 * are written explicitly so the migrated policy keeps Search Guard's
 * behaviour. The mapping mode carries over when it was given. Search Guard's
 * admin-only indices and actions have no OpenSearch setting and are not
 * written (OpenSearch protects its own security index instead).
 */
import type { DiagnosticSink } from "../../diagnostics/diagnostic.js";
import { SourceFile, spanOf, type SourceSpan } from "../../diagnostics/source-file.js";
import { defaultSettings, type SettingKey, type Settings } from "../../model/settings.js";

/** Marks a setting written because Search Guard's default differs from OpenSearch's, not because a file said so. */
const SEARCHGUARD_DEFAULT: SourceSpan = spanOf(new SourceFile("(Search Guard default)", ""), 0);

export function migrateSettings(settings: Settings, sink: DiagnosticSink): Settings {
  if (settings.searchguardMultitenancyEnabled && !settings.searchguardGlobalTenantEnabled) {
    sink.report(
      "PC7006",
      "Search Guard's global tenant is turned off (`global_tenant_enabled: false`), which OpenSearch cannot do: users whose roles grant `global_tenant` gain access to it",
      settings.origins.searchguardGlobalTenantEnabled,
    );
  }
  const origins: Partial<Record<SettingKey, SourceSpan>> = {
    multitenancyEnabled: settings.origins.searchguardMultitenancyEnabled ?? SEARCHGUARD_DEFAULT,
    privateTenantEnabled: SEARCHGUARD_DEFAULT,
  };
  const mappingOrigin = settings.origins.rolesMappingResolution;
  if (mappingOrigin !== undefined) origins.rolesMappingResolution = mappingOrigin;
  return {
    ...defaultSettings(),
    rolesMappingResolution: settings.rolesMappingResolution,
    multitenancyEnabled: settings.searchguardMultitenancyEnabled,
    privateTenantEnabled: false,
    origins,
  };
}
