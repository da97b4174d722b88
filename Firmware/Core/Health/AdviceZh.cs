namespace PosSlot.Firmware.Health
{
    /// <summary>Maintenance advice in Simplified Chinese (the field technicians' language), one entry per FaultClass.</summary>
    public static class AdviceZh
    {
        public static readonly string[] Table = new string[]
        {
            // ContactWear
            "触点磨损：接触抖动比新卡槽时明显增大。请清洁卡槽和卡片触点；通过供应商安排更换卡槽；避免过多插拔。",
            // LooseSpring
            "卡簧松动或疲劳：卡片到位慢或无法到位。请检查卡簧；检查插卡方式（完整、平稳地插入）；如持续存在，请通过供应商更换卡槽。期间请使用外接读卡器。",
            // IntermittentContact
            "接触不良（脏污或微动磨损）：插卡期间触点断续。请清洁卡槽和卡片；避免高温、潮湿环境。清洁后仍复发，请通过供应商更换卡槽。",
            // DetectSwitch
            "插卡检测开关损坏（变形/断裂）：已无法正确检测卡片。请立即改用外接读卡器；通过供应商更换卡槽。",
            // ReadFailures
            "芯片读取失败（无法识别卡片）。请清洁卡槽和卡片触点；检查插卡方式。若仍失败，请使用外接读卡器，并通过供应商更换卡槽。",
            // RatedLife
            "卡槽已接近或超过额定插拔寿命。请通过供应商安排更换；避免过多插拔。",
        };
    }
}
