import { buildFiles, packageJson } from './common/package.js';
import { clientFile, envelopeFiles, errorsFile } from './common/client.js';
import { descriptorFile } from './common/descriptor.js';
import { readmeFile, runbookFile } from './common/docs.js';
import { fieldsFile } from './common/fields.js';
import { operationsFiles } from './common/operations.js';
import { limitsFile, providerFile } from './common/provider.js';
import { descriptorTestFile, productionEntryTestFile, readmeTestFile } from './common/tests.js';
import { webhooksFile } from './common/webhooks.js';
import type { GeneratedFile, TemplateContext } from './template.js';

/** Every file of a new connector: the common ones, then its domain's. Pure, so tests can read the output without a disk. */
export function renderConnector(context: TemplateContext): GeneratedFile[] {
  const files = [
    packageJson(context),
    ...buildFiles(),
    readmeFile(context),
    runbookFile(context),
    providerFile(context),
    limitsFile(context),
    clientFile(context),
    errorsFile(context),
    ...envelopeFiles(context),
    fieldsFile(context),
    webhooksFile(context),
    ...operationsFiles(context),
    descriptorFile(context),
    descriptorTestFile(context),
    readmeTestFile(context),
    productionEntryTestFile(context),
    ...context.domain.files(context),
  ];
  const seen = new Set<string>();
  for (const file of files) {
    // Two templates writing one path would silently lose one of them.
    if (seen.has(file.path)) throw new Error(`Two templates write ${file.path}`);
    seen.add(file.path);
  }
  return files;
}
