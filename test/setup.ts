// Tests run on Node 20; the SDK's notice about its future Node 22 floor would clutter every run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
