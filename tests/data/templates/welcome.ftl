<#-- FreeMarker welcome e-mail -->
<#assign plan = user.plan>
<p>Hi ${user.name},</p>
<#if plan == "free">
<p>You are on the free plan: three projects and a week of history.</p>
</#if>
<p>Upgrade to keep a year of history and unlimited projects.</p>
<@button href="${upgradeUrl}">Upgrade now</@button>
<p>Thanks,<br>The Rabbit team</p>
