import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

function namedOptions(property: INodeProperties): INodePropertyOptions[] {
	return (property.options ?? []).filter((option): option is INodePropertyOptions => 'value' in option);
}

/**
 * The canvas subtitle: "Operation: Resource" in the names the user picked from, not the stored
 * values. Built from the node's own resource and operation options, so it cannot drift from them.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resource = properties.find((property) => property.name === 'resource');
	const resourceNames = new Map(namedOptions(resource!).map((option) => [option.value, option.name]));
	const labels: Record<string, Record<string, string>> = {};
	for (const property of properties.filter((p) => p.name === 'operation')) {
		for (const resourceValue of property.displayOptions?.show?.resource ?? []) {
			const key = String(resourceValue);
			for (const option of namedOptions(property)) {
				labels[key] = { ...labels[key], [String(option.value)]: `${option.name}: ${resourceNames.get(key) ?? key}` };
			}
		}
	}
	// "}}" would end the expression early: keep closing braces apart.
	const lookup = JSON.stringify(labels).replace(/\}(?=\})/g, '} ');
	return `={{ (${lookup}[$parameter["resource"]] || {})[$parameter["operation"]] || $parameter["operation"] }}`;
}
