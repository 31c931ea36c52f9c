import type { INodePropertyRegexValidation } from 'n8n-workflow';

/** For the By ID mode of the resource locators: the API's IDs are whole numbers. */
export const wholeNumberIdValidation: INodePropertyRegexValidation = {
	type: 'regex',
	properties: { regex: '\\s*[0-9]+\\s*', errorMessage: 'An ID is a whole number, such as 42' },
};
