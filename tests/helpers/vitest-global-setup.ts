import { DEMO_TEMPLATE_ENV, removeDemoTemplate, seedDemoTemplate } from "./demo-template";

/**
 * Once per Vitest run: the seeded demo template that startServer copies (tests/helpers/
 * demo-template.ts). The test processes are started after this and inherit the variable.
 */
export default async function setup(): Promise<() => void> {
  const template = await seedDemoTemplate();
  process.env[DEMO_TEMPLATE_ENV] = template;
  return () => removeDemoTemplate(template);
}
