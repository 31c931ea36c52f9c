// n8n-core writes an instance config under N8N_USER_FOLDER on first use: keep it out of $HOME.
const fs = require('fs');
const os = require('os');
const path = require('path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-sms-test-'));
}
